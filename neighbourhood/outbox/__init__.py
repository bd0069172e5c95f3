"""The outbox: every e-mail the platform sends is stored first and delivered
by a background task, retried until it goes out or is given up."""
