"""The permission matrix's checks: an answer's text, and that it shows none of B's."""

from tests.neighbourhood.permission_matrix._world import (
    B_CONTACTS,
    B_STOCK,
    B_WOP,
    SECRET,
)

REFUSED = (403, 404)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        from io import BytesIO

        from openpyxl import load_workbook

        sheet = load_workbook(BytesIO(content)).active
        return "\n".join(
            " ".join(str(cell) for cell in row if cell is not None)
            for row in sheet.iter_rows(values_only=True)
        )
    return content.decode(errors="replace")


# Doors that name no WOP but the user's own: B's title must not appear.
WOP_NAMED = {
    "dashboard",
    "volunteers-index",
    "volunteers-invite",
    "volunteers-invite-wop",
    "figures",
    "figures-wop",
    "figures-csv",
    "figures-csv-wop",
    "personal-data-log",
    "action-request-add",
    "claim-add",
    # Listings whose rows name their WOP rather than a person.
    "attendance-index",
    "action-request-export-csv",
    "action-request-export-xlsx",
    "report-aging-pages",
    "report-locked-pages",
}


def _assert_no_secret(response, door, *, typed=()):
    """``typed``: what the user typed, which a form shows again."""
    body = _body(response)
    for value in typed:
        body = body.replace(value, "")
    _assert_no_secret_in(body, door)


def _assert_no_secret_in(body, door):
    assert SECRET not in body, f"{door}: B's data in the response"
    assert B_STOCK not in body, f"{door}: B's stock in the response"
    for contact in B_CONTACTS:
        assert contact not in body, f"{door}: B's {contact} in the response"
    if door in WOP_NAMED:
        assert B_WOP not in body, f"{door}: B's WOP named"


def _assert_refused(response, door):
    """403, 404, or a redirect that does not lead to B's thing."""
    if response.status_code in (301, 302):
        assert response.url.startswith("/"), door
        return
    assert response.status_code in REFUSED, (
        f"{door}: {response.status_code} for another WOP's thing"
    )
