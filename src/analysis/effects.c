/* Being written for issue 6. */
void knead_wip_analysis_effects_c(void);
void knead_wip_analysis_effects_c(void)
{
}
