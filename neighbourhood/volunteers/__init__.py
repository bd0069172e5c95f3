"""Who works in which WOP: coordinators invite volunteers, remove them and let
trusted ones publish; city-wide coordinators appoint a WOP's coordinators."""
