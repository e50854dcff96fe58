/* Being written for issue 5. */
void knead_wip_store_store_race_c(void);
void knead_wip_store_store_race_c(void)
{
}
