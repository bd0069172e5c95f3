"""The buddy projects (maatjesprojecten): a resident signs up to find a buddy
or to be one, online or through a volunteer; volunteers find the best-fitting
buddy for a seeker, match them, and ask later how it is going."""
