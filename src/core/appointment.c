/* Being written for issue 6. */
void knead_wip_core_appointment_c(void);
void knead_wip_core_appointment_c(void)
{
}
