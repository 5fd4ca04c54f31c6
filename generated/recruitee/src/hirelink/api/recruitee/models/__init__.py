"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .admin_reference import AdminReference
    from .attachment import Attachment
    from .attachment_list import AttachmentList
    from .candidate import Candidate
    from .candidate_create_fields import CandidateCreateFields
    from .candidate_create_request import CandidateCreateRequest
    from .candidate_cv_fields import CandidateCvFields
    from .candidate_cv_update_request import CandidateCvUpdateRequest
    from .candidate_envelope import CandidateEnvelope
    from .candidate_field import CandidateField
    from .candidate_field_create_request import CandidateFieldCreateRequest
    from .candidate_field_envelope import CandidateFieldEnvelope
    from .candidate_field_input import CandidateFieldInput
    from .candidate_field_input_kind import CandidateFieldInputKind
    from .candidate_field_input_values_item import CandidateFieldInputValuesItem
    from .candidate_field_values_item import CandidateFieldValuesItem
    from .candidate_field_visibility import CandidateFieldVisibility
    from .candidate_list import CandidateList
    from .candidate_list_item import CandidateListItem
    from .candidate_list_item_ratings import CandidateListItemRatings
    from .candidate_online_data_type_0 import CandidateOnlineDataType0
    from .candidate_search_result import CandidateSearchResult
    from .candidate_sourcing_data_type_0 import CandidateSourcingDataType0
    from .candidate_sourcing_origin_type_0 import CandidateSourcingOriginType0
    from .candidate_tags_request import CandidateTagsRequest
    from .candidate_update_fields import CandidateUpdateFields
    from .candidate_update_request import CandidateUpdateRequest
    from .department import Department
    from .department_grouped_translations import DepartmentGroupedTranslations
    from .department_list import DepartmentList
    from .disqualify_reason import DisqualifyReason
    from .disqualify_reason_list import DisqualifyReasonList
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
    from .pipeline_stage import PipelineStage
    from .pipeline_template import PipelineTemplate
    from .pipeline_template_envelope import PipelineTemplateEnvelope
    from .placement import Placement
    from .placement_create_request import PlacementCreateRequest
    from .placement_disqualify_request import PlacementDisqualifyRequest
    from .placement_envelope import PlacementEnvelope
    from .placement_ratings import PlacementRatings
    from .placement_stage_change_request import PlacementStageChangeRequest
    from .stage_reference import StageReference
    from .task import Task
    from .task_create_fields import TaskCreateFields
    from .task_create_request import TaskCreateRequest
    from .task_envelope import TaskEnvelope
    from .unknown_reference import UnknownReference

_MODULE_OF = {
    "AdminReference": ".admin_reference",
    "Attachment": ".attachment",
    "AttachmentList": ".attachment_list",
    "Candidate": ".candidate",
    "CandidateCreateFields": ".candidate_create_fields",
    "CandidateCreateRequest": ".candidate_create_request",
    "CandidateCvFields": ".candidate_cv_fields",
    "CandidateCvUpdateRequest": ".candidate_cv_update_request",
    "CandidateEnvelope": ".candidate_envelope",
    "CandidateField": ".candidate_field",
    "CandidateFieldCreateRequest": ".candidate_field_create_request",
    "CandidateFieldEnvelope": ".candidate_field_envelope",
    "CandidateFieldInput": ".candidate_field_input",
    "CandidateFieldInputKind": ".candidate_field_input_kind",
    "CandidateFieldInputValuesItem": ".candidate_field_input_values_item",
    "CandidateFieldValuesItem": ".candidate_field_values_item",
    "CandidateFieldVisibility": ".candidate_field_visibility",
    "CandidateList": ".candidate_list",
    "CandidateListItem": ".candidate_list_item",
    "CandidateListItemRatings": ".candidate_list_item_ratings",
    "CandidateOnlineDataType0": ".candidate_online_data_type_0",
    "CandidateSearchResult": ".candidate_search_result",
    "CandidateSourcingDataType0": ".candidate_sourcing_data_type_0",
    "CandidateSourcingOriginType0": ".candidate_sourcing_origin_type_0",
    "CandidateTagsRequest": ".candidate_tags_request",
    "CandidateUpdateFields": ".candidate_update_fields",
    "CandidateUpdateRequest": ".candidate_update_request",
    "Department": ".department",
    "DepartmentGroupedTranslations": ".department_grouped_translations",
    "DepartmentList": ".department_list",
    "DisqualifyReason": ".disqualify_reason",
    "DisqualifyReasonList": ".disqualify_reason_list",
    "Error": ".error",
    "ErrorErrors": ".error_errors",
    "ListCandidatesSort": ".list_candidates_sort",
    "ListOffersKind": ".list_offers_kind",
    "ListOffersScope": ".list_offers_scope",
    "ListOffersViewMode": ".list_offers_view_mode",
    "Note": ".note",
    "NoteCreateFields": ".note_create_fields",
    "NoteCreateRequest": ".note_create_request",
    "NoteEnvelope": ".note_envelope",
    "NoteList": ".note_list",
    "NoteVisibility": ".note_visibility",
    "NoteVisibilityInput": ".note_visibility_input",
    "NoteVisibilityInputLevel": ".note_visibility_input_level",
    "Offer": ".offer",
    "OfferEnabledLanguagesItem": ".offer_enabled_languages_item",
    "OfferEnvelope": ".offer_envelope",
    "OfferList": ".offer_list",
    "OfferReference": ".offer_reference",
    "OfferSalary": ".offer_salary",
    "PipelineStage": ".pipeline_stage",
    "PipelineTemplate": ".pipeline_template",
    "PipelineTemplateEnvelope": ".pipeline_template_envelope",
    "Placement": ".placement",
    "PlacementCreateRequest": ".placement_create_request",
    "PlacementDisqualifyRequest": ".placement_disqualify_request",
    "PlacementEnvelope": ".placement_envelope",
    "PlacementRatings": ".placement_ratings",
    "PlacementStageChangeRequest": ".placement_stage_change_request",
    "StageReference": ".stage_reference",
    "Task": ".task",
    "TaskCreateFields": ".task_create_fields",
    "TaskCreateRequest": ".task_create_request",
    "TaskEnvelope": ".task_envelope",
    "UnknownReference": ".unknown_reference",
}


if (
    not TYPE_CHECKING
):  # type checkers read the imports above: a misspelt name is an error

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


__all__ = (
    "AdminReference",
    "Attachment",
    "AttachmentList",
    "Candidate",
    "CandidateCreateFields",
    "CandidateCreateRequest",
    "CandidateCvFields",
    "CandidateCvUpdateRequest",
    "CandidateEnvelope",
    "CandidateField",
    "CandidateFieldCreateRequest",
    "CandidateFieldEnvelope",
    "CandidateFieldInput",
    "CandidateFieldInputKind",
    "CandidateFieldInputValuesItem",
    "CandidateFieldValuesItem",
    "CandidateFieldVisibility",
    "CandidateList",
    "CandidateListItem",
    "CandidateListItemRatings",
    "CandidateOnlineDataType0",
    "CandidateSearchResult",
    "CandidateSourcingDataType0",
    "CandidateSourcingOriginType0",
    "CandidateTagsRequest",
    "CandidateUpdateFields",
    "CandidateUpdateRequest",
    "Department",
    "DepartmentGroupedTranslations",
    "DepartmentList",
    "DisqualifyReason",
    "DisqualifyReasonList",
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
    "PipelineStage",
    "PipelineTemplate",
    "PipelineTemplateEnvelope",
    "Placement",
    "PlacementCreateRequest",
    "PlacementDisqualifyRequest",
    "PlacementEnvelope",
    "PlacementRatings",
    "PlacementStageChangeRequest",
    "StageReference",
    "Task",
    "TaskCreateFields",
    "TaskCreateRequest",
    "TaskEnvelope",
    "UnknownReference",
)
