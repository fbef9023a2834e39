# ISO and disk images (see the images issue).
