"""WOP and street pages' logic: postcode → WOP, the WOP editor form, and what
happens when a WOP page is saved, moved or reviewed."""
