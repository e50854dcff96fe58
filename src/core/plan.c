/* Being written for issue 5. */
void knead_wip_core_plan_c(void);
void knead_wip_core_plan_c(void)
{
}
