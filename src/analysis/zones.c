/* Being written for issue 5. */
void knead_wip_analysis_zones_c(void);
void knead_wip_analysis_zones_c(void)
{
}
