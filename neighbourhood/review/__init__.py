"""The WOP review ("WOP-controle"): who reviews a page, the workflow and its
e-mail, and the volunteer's panel in the admin."""
