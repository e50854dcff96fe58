/* Being written for issue 5. */
void knead_wip_advice_training_c(void);
void knead_wip_advice_training_c(void)
{
}
