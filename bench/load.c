/* Being written for issue 5. */
int main(void)
{
	return 0;
}
