"""What residents type in the action forms, for the tests that post them."""


def card_answers(design, **changes) -> dict:
    """A card with ``design`` as a resident asks for it: a volunteer
    delivers, no phone or e-mail. A change to None leaves the field out."""
    data = {
        "card_design": str(design.pk),
        "message": "Dank je wel voor de soep toen ik ziek was!",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906 ab",
        "delivery": "volunteer",
        "name": "Hans de Vries",
        "phone": "",
        "email": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def treat_answers(page, **changes) -> dict:
    """A treat from ``page`` (its "Appeltaart") for a neighbour, phone only.
    A change to None leaves the field out."""
    data = {
        "treat": str(page.treats.get(name="Appeltaart").pk),
        "treat_for": "neighbour",
        "recipient_street": "Maasstraat",
        "recipient_house_number": "14",
        "recipient_postcode": "2906AB",
        "name": "Zeynep Kaya",
        "phone": "010-123 45 67",
        "email": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def tile_answers(**changes) -> dict:
    """A wave tile for the resident's own address, e-mail only. A change to
    None leaves the field out."""
    data = {
        "name": "Truus Jansen",
        "street": "Maasstraat",
        "house_number": "12 a",
        "postcode": "2906 AB",
        "phone": "",
        "email": "truus@example.org",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
