/* Being written for issue 6. */
void knead_wip_formats_ics_c(void);
void knead_wip_formats_ics_c(void)
{
}
