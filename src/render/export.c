/* Being written for issue 6. */
void knead_wip_render_export_c(void);
void knead_wip_render_export_c(void)
{
}
