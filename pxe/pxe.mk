# PXE tree and the lab TFTP server (see the images issue).
