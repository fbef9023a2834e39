/* badmmio: its manifest asks for device memory init does not hold; init
 * must refuse to start it (test/inittest and test/inithw spawn it). Never
 * runs. */
int main(void)
{
	return 0;
}
