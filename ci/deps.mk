# Host packages: `make deps` (and run/check, which depend on it) installs
# what is missing when root, or says exactly what to install.
deps:
	$(Q)sh ci/deps.sh
