/* Being written for issue 5. */
void knead_wip_core_race_c(void);
void knead_wip_core_race_c(void)
{
}
