"""The allauth and Django strings whose Dutch the site replaces.

allauth's own Dutch says "je" and "Aanmelden/Afmelden"; the site says "u"
and "Inloggen/Uitloggen". The project catalogue `locale/nl/` holds formal
Dutch for these English msgids and, being in LOCALE_PATHS, wins over the
catalogues of allauth and Django. Listing them here keeps `makemessages`
from commenting them out. Also here: Django 5.2's new "password too short"
message, which its own Dutch catalogue lacks (it still has the old msgid).
Nothing imports this module; its strings are never shown from here.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH_WORDING = [
    gettext_noop(
        "You are receiving this email because you or someone else tried "
        "to signup for an\n"
        "account using email address:\n"
        "\n"
        "%(email)s\n"
        "\n"
        "However, an account using that email address already exists.  "
        "In case you have\n"
        "forgotten about this, please use the password forgotten "
        "procedure to recover\n"
        "your account:\n"
        "\n"
        "%(password_reset_url)s"
    ),
    gettext_noop("Account Already Exists"),
    gettext_noop("This account is inactive."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("Please type your current password."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("Invalid login."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Use your password"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    gettext_noop(
        "You are receiving this mail because the following change was "
        "made to your account:"
    ),
    gettext_noop(
        "If you do not recognize this change then please take proper "
        "security precautions immediately. The change to your account "
        "originates from:\n"
        "\n"
        "- IP address: %(ip)s\n"
        "- Browser: %(user_agent)s\n"
        "- Date: %(timestamp)s"
    ),
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    gettext_noop("The following email addresses are associated with your account:"),
    gettext_noop("Verified"),
    gettext_noop("Unverified"),
    gettext_noop("Primary"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Remove"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Do you really want to remove the selected email address?"),
    gettext_noop("Confirm Email Address"),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is '
        "an email address for user %(user_display)s."
    ),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by "
        "a different account."
    ),
    gettext_noop(
        "This email confirmation link expired or is invalid. Please <a "
        'href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    gettext_noop(
        "You're receiving this email because user %(user_display)s has "
        "given your email address to register an account on "
        "%(site_domain)s."
    ),
    gettext_noop("To confirm this is correct, go to %(activate_url)s"),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Remember Me"),
    gettext_noop("Email (again)"),
    gettext_noop("Email"),
    gettext_noop("You must type the same email each time."),
    gettext_noop("Password (again)"),
    gettext_noop("New Password (again)"),
    gettext_noop("Sign Out"),
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop(
        "If you have not created an account yet, then please "
        "%(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Password successfully changed."),
    gettext_noop("Your password has been changed."),
    gettext_noop("Password Reset"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and "
        "we'll send you an email allowing you to reset it."
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please "
        "check your spam folder. Otherwise contact us if you do not "
        "receive it in a few minutes."
    ),
    gettext_noop("Bad Token"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has "
        "already been used.  Please request a <a "
        'href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop("Your password is now changed."),
    gettext_noop(
        "You're receiving this email because you or someone else has "
        "requested a password reset for your user account.\n"
        "It can be safely ignored if you did not request a password "
        "reset. Click the link below to reset your password."
    ),
    gettext_noop("Password Reset Email"),
    gettext_noop("Your password has been reset."),
    gettext_noop("Set Password"),
    gettext_noop("Password successfully set."),
    gettext_noop("Primary email address set."),
    gettext_noop("Signup"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop(
        "You are receiving this email because you, or someone else, "
        "tried to access an account with email %(email)s. However, we do "
        "not have any record of such an account in our database."
    ),
    gettext_noop(
        "This mail can be safely ignored if you did not initiate this action."
    ),
    gettext_noop("If it was you, you can sign up for an account using the link below."),
    gettext_noop("Unknown Account"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link "
        "provided to finalize the signup process. If you do not see the "
        "verification email in your main inbox, check your spam folder. "
        "Please contact us if you do not receive the verification email "
        "within a few minutes."
    ),
    gettext_noop(
        "This part of the site requires us to verify that\n"
        "you are who you claim to be. For this purpose, we require that "
        "you\n"
        "verify ownership of your email address. "
    ),
    gettext_noop(
        "We have sent an email to you for\n"
        "verification. Please click on the link inside that email. If "
        "you do not see the verification email in your main inbox, check "
        "your spam folder. Otherwise\n"
        "contact us if you do not receive it within a few minutes."
    ),
    gettext_noop(
        "<strong>Note:</strong> you can still <a "
        'href="%(email_url)s">change your email address</a>.'
    ),
    gettext_noop("Forgot your password?"),
    gettext_noop("Note"),
    gettext_noop("You are already logged in as %(user_display)s."),
]

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    1,
)
