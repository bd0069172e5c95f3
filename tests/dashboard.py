"""Reading the admin dashboard's "Te doen per wijk" panel in tests."""

from bs4 import BeautifulSoup


def todo_counts(html: str) -> dict[int, dict[str, int]]:
    """``{wop_id: {row key: number}}`` as the panel shows them."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        int(section["data-wop"]): {
            row["data-todo"]: int(row.select_one(".vz-todo__count").text)
            for row in section.select("[data-todo]")
        }
        for section in soup.select("section[data-wop]")
    }


def todo_links(html: str) -> dict[int, dict[str, str]]:
    """``{wop_id: {row key: link}}`` of the panel's rows."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        int(section["data-wop"]): {
            row["data-todo"]: row.a["href"] for row in section.select("[data-todo]")
        }
        for section in soup.select("section[data-wop]")
    }


def on_behalf_keys(html: str) -> list[str]:
    """The kinds the "Aanmelden namens een bewoner" panel has a button for."""
    soup = BeautifulSoup(html, "html.parser")
    return [item["data-on-behalf"] for item in soup.select("[data-on-behalf]")]
