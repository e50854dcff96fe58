/* Being written for issue 6. */
void knead_wip_advice_readiness_c(void);
void knead_wip_advice_readiness_c(void)
{
}
