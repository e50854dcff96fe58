/* Being written for issue 6. */
void knead_wip_render_json_advice_c(void);
void knead_wip_render_json_advice_c(void)
{
}
