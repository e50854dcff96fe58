/* Being written for issue 5. */
void knead_wip_render_json_plan_c(void);
void knead_wip_render_json_plan_c(void)
{
}
