"""The demo site of ``manage.py seed_demo``: its content and how it is built."""
