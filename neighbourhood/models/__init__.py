from neighbourhood.models.actions import (
    ActionKind,
    ActionRequest,
    ActionStatus,
    CardActionPage,
    CardDesign,
    CardKind,
    Delivery,
    TileStock,
    TreatActionPage,
    TreatFor,
    TreatOption,
    WaveTileActionPage,
)
from neighbourhood.models.buddies import (
    AVAILABILITY_CHOICES,
    BuddyMatch,
    BuddyProjectPage,
    BuddyRole,
    BuddySignup,
    BuddySignupStatus,
    FollowUpOutcome,
    Interest,
    Language,
)
from neighbourhood.models.key_figures import KeyFigure
from neighbourhood.models.outbox import OutboxEmail
from neighbourhood.models.pages import (
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetContact,
    StreetPage,
)
from neighbourhood.models.personal_data import PersonalDataLog
from neighbourhood.models.review import WopReviewTask
from neighbourhood.models.scoping import (
    COORDINATORS_GROUP,
    WopCollection,
    WopGroup,
    WopOwned,
    WopOwnedQuerySet,
    WopRole,
)
from neighbourhood.models.settings import PrivacySettings
from neighbourhood.models.submissions import (
    ConsentMethod,
    ContactPreference,
    Submission,
    SubmissionQuerySet,
)
from neighbourhood.models.taxonomy import Audience, Partner
from neighbourhood.models.users import VolunteerProfile, profile_for

__all__ = [
    "COORDINATORS_GROUP",
    "ActionKind",
    "ActionRequest",
    "ActionStatus",
    "CardActionPage",
    "CardDesign",
    "CardKind",
    "Delivery",
    "TileStock",
    "TreatActionPage",
    "TreatFor",
    "TreatOption",
    "WaveTileActionPage",
    "AVAILABILITY_CHOICES",
    "Audience",
    "BuddyMatch",
    "BuddyProjectPage",
    "BuddyRole",
    "BuddySignup",
    "BuddySignupStatus",
    "ConsentMethod",
    "ContactPreference",
    "FollowUpOutcome",
    "Interest",
    "KeyFigure",
    "Language",
    "NeighbourhoodIndexPage",
    "NeighbourhoodPage",
    "OutboxEmail",
    "Partner",
    "PostcodeArea",
    "PrivacySettings",
    "StreetContact",
    "StreetPage",
    "Submission",
    "SubmissionQuerySet",
    "VolunteerProfile",
    "profile_for",
    "WopCollection",
    "WopGroup",
    "WopRole",
    "WopReviewTask",
    "PersonalDataLog",
    "WopOwned",
    "WopOwnedQuerySet",
]
