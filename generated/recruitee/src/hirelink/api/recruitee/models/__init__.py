"""Contains all the data models used in inputs/outputs"""

from .admin_reference import AdminReference
from .candidate import Candidate
from .candidate_create_fields import CandidateCreateFields
from .candidate_create_request import CandidateCreateRequest
from .candidate_cv_fields import CandidateCvFields
from .candidate_cv_update_request import CandidateCvUpdateRequest
from .candidate_envelope import CandidateEnvelope
from .candidate_field import CandidateField
from .candidate_field_values_item import CandidateFieldValuesItem
from .candidate_field_visibility import CandidateFieldVisibility
from .candidate_list import CandidateList
from .candidate_list_item import CandidateListItem
from .candidate_list_item_ratings import CandidateListItemRatings
from .candidate_online_data_type_0 import CandidateOnlineDataType0
from .candidate_sourcing_data_type_0 import CandidateSourcingDataType0
from .candidate_sourcing_origin_type_0 import CandidateSourcingOriginType0
from .candidate_tags_request import CandidateTagsRequest
from .candidate_update_fields import CandidateUpdateFields
from .candidate_update_request import CandidateUpdateRequest
from .error import Error
from .error_errors import ErrorErrors
from .list_candidates_sort import ListCandidatesSort
from .list_offers_kind import ListOffersKind
from .list_offers_scope import ListOffersScope
from .list_offers_view_mode import ListOffersViewMode
from .note import Note
from .note_create_fields import NoteCreateFields
from .note_create_request import NoteCreateRequest
from .note_envelope import NoteEnvelope
from .note_list import NoteList
from .note_visibility import NoteVisibility
from .note_visibility_input import NoteVisibilityInput
from .note_visibility_input_level import NoteVisibilityInputLevel
from .offer import Offer
from .offer_enabled_languages_item import OfferEnabledLanguagesItem
from .offer_envelope import OfferEnvelope
from .offer_list import OfferList
from .offer_reference import OfferReference
from .offer_salary import OfferSalary
from .placement import Placement
from .placement_ratings import PlacementRatings
from .stage_reference import StageReference
from .unknown_reference import UnknownReference

__all__ = (
    "AdminReference",
    "Candidate",
    "CandidateCreateFields",
    "CandidateCreateRequest",
    "CandidateCvFields",
    "CandidateCvUpdateRequest",
    "CandidateEnvelope",
    "CandidateField",
    "CandidateFieldValuesItem",
    "CandidateFieldVisibility",
    "CandidateList",
    "CandidateListItem",
    "CandidateListItemRatings",
    "CandidateOnlineDataType0",
    "CandidateSourcingDataType0",
    "CandidateSourcingOriginType0",
    "CandidateTagsRequest",
    "CandidateUpdateFields",
    "CandidateUpdateRequest",
    "Error",
    "ErrorErrors",
    "ListCandidatesSort",
    "ListOffersKind",
    "ListOffersScope",
    "ListOffersViewMode",
    "Note",
    "NoteCreateFields",
    "NoteCreateRequest",
    "NoteEnvelope",
    "NoteList",
    "NoteVisibility",
    "NoteVisibilityInput",
    "NoteVisibilityInputLevel",
    "Offer",
    "OfferEnabledLanguagesItem",
    "OfferEnvelope",
    "OfferList",
    "OfferReference",
    "OfferSalary",
    "Placement",
    "PlacementRatings",
    "StageReference",
    "UnknownReference",
)
