"""Forms of the kit: the withdraw button."""

from neighbourhood.submissions.guard import HoneypotFormMixin


class WithdrawForm(HoneypotFormMixin):
    """The one button that withdraws a submission, guarded like every public
    form."""
