/* badmmio: its manifest asks for device memory init does not hold; init
 * must refuse to start it (test/inittest spawns it). Never runs. */
int main(void)
{
	return 0;
}
