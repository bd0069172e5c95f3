"""The production shape, brought up for the reliability tests.

A private PostgreSQL cluster (initdb into a temporary directory, on a free
port) and a private redis-server, so a test may stop and start them without
touching the machine's shared services; on top of them ``bin/production
start --seed`` (the same script an operator runs): two gunicorn app servers,
the task worker and nginx round-robin in front, with the demo content.

What a test gets (the ``stack`` fixture in conftest.py):

- ``stack.url``: the site through nginx; ``stack.instances``: the two app
  servers directly (instance A and B).
- ``stack.postgres.stop()`` / ``.start()``, ``stack.redis.stop()`` /
  ``.start()``: the private services; ``stack.wait_healthy()`` afterwards.
- ``stack.query(sql, params)``: rows from the stack's database;
  ``stack.shell(code)``: Python run by ``manage.py shell`` with the site's
  own environment (its output is returned); ``stack.manage(*args)``.
- ``stack.smtp_port``: where the site sends e-mail (EMAIL_HOST 127.0.0.1,
  no TLS); nothing listens there unless a test starts a server.
- ``Client(stack.url)``: a resident's browser: keeps its cookies (the
  Secure ones too: this is plain http on loopback), fills in forms.

The stack counts the public-form rate limit (``RATE_LIMIT`` posts a minute)
per client address as the outer load balancer saw it (NUM_PROXIES=2: the
tests stand in for that balancer, nginx is the second proxy). Each
``Client`` sends an address of its own in X-Forwarded-For, so separate
clients are separate residents; give two clients the same ``address`` to
be one resident.

The parts: ``servers`` (the private PostgreSQL and Redis), ``production``
(``bin/production`` on top of them and the ``Stack`` a test gets),
``browser`` (a resident's ``Client`` and the ``Form`` it fills in) and
``load`` (many residents at once: ``run_load`` and its figures).
"""
