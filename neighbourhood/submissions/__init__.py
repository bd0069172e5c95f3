"""The kit every kind of submission uses: the registry of kinds, consent, the
withdraw link, the honeypot and rate limit, registering on a resident's
behalf, and the status machine of the volunteers' queues."""
