/* false: do nothing, unsuccessfully (status 1); arguments are ignored. */
int main(int argc, const char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}
