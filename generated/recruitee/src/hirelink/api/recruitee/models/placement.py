from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Placement")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "candidate_id",
        "offer_id",
        "stage_id",
        "position",
        "created_at",
        "updated_at",
        "hired_at",
        "hired_by_id",
        "hired_in_this_placement",
        "hired_in_other_placement",
        "job_starts_at",
        "language",
        "overdue_at",
        "overdue_diff",
        "positive_ratings",
        "ratings",
        "talent_pool_id",
        "disqualified_at",
        "disqualify_kind",
        "disqualify_reason",
    }
)


@_attrs_define
class Placement:
    """The candidate's assignment to one job or talent pool, with its current stage.

    Attributes:
        id (int):
        candidate_id (int | None | Unset): Nullable in Airbyte's schema (third-party evidence).
        offer_id (int | None | Unset): The job or talent pool. For talent-pool placements both forms have been seen:
            null (with talent_pool_id, third-party evidence) and the pool's id (captured live answers); stage_id is null
            either way.
        stage_id (int | None | Unset):
        position (int | None | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        hired_at (datetime.datetime | None | Unset):
        hired_by_id (int | None | Unset):
        hired_in_this_placement (bool | Unset): False on the three hired placements of the captured list answers, as on
            every other: `hired_at` is what tells a hire.
        hired_in_other_placement (bool | Unset): False on every placement of the captured list answers; none of their
            candidates was hired in another job, so when it is true is not known.
        job_starts_at (datetime.datetime | None | Unset):
        language (None | str | Unset):
        overdue_at (datetime.datetime | None | Unset): When the placement becomes overdue in its stage. Only seen as
            null; the timestamp format is assumed to match the other `*_at` fields.
        overdue_diff (None | str | Unset):
        positive_ratings (int | None | Unset):
        ratings (PlacementRatings | Unset):
        talent_pool_id (int | None | Unset): Talent pool of the placement. Seen in one client only.
        disqualified_at (datetime.datetime | None | Unset): When the candidate was disqualified here. Read by one client
            only; absent from every captured list answer, disqualified placements included.
        disqualify_kind (None | str | Unset): How the disqualification happened (open set); present only on a
            disqualified placement in captured list answers, so its presence tells one apart.
        disqualify_reason (Any | Unset): Present only when the candidate is disqualified: the reason's name in the
            captured answers (a string). Any JSON value is accepted, as one client reads an object.
    """

    id: int
    candidate_id: int | None | Unset = UNSET
    offer_id: int | None | Unset = UNSET
    stage_id: int | None | Unset = UNSET
    position: int | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    hired_at: datetime.datetime | None | Unset = UNSET
    hired_by_id: int | None | Unset = UNSET
    hired_in_this_placement: bool | Unset = UNSET
    hired_in_other_placement: bool | Unset = UNSET
    job_starts_at: datetime.datetime | None | Unset = UNSET
    language: None | str | Unset = UNSET
    overdue_at: datetime.datetime | None | Unset = UNSET
    overdue_diff: None | str | Unset = UNSET
    positive_ratings: int | None | Unset = UNSET
    ratings: PlacementRatings | Unset = UNSET
    talent_pool_id: int | None | Unset = UNSET
    disqualified_at: datetime.datetime | None | Unset = UNSET
    disqualify_kind: None | str | Unset = UNSET
    disqualify_reason: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        candidate_id: int | None | Unset
        if isinstance(self.candidate_id, Unset):
            candidate_id = UNSET
        else:
            candidate_id = self.candidate_id

        offer_id: int | None | Unset
        if isinstance(self.offer_id, Unset):
            offer_id = UNSET
        else:
            offer_id = self.offer_id

        stage_id: int | None | Unset
        if isinstance(self.stage_id, Unset):
            stage_id = UNSET
        else:
            stage_id = self.stage_id

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        hired_at: None | str | Unset
        if isinstance(self.hired_at, Unset):
            hired_at = UNSET
        elif isinstance(self.hired_at, datetime.datetime):
            hired_at = self.hired_at.isoformat()
        else:
            hired_at = self.hired_at

        hired_by_id: int | None | Unset
        if isinstance(self.hired_by_id, Unset):
            hired_by_id = UNSET
        else:
            hired_by_id = self.hired_by_id

        hired_in_this_placement = self.hired_in_this_placement

        hired_in_other_placement = self.hired_in_other_placement

        job_starts_at: None | str | Unset
        if isinstance(self.job_starts_at, Unset):
            job_starts_at = UNSET
        elif isinstance(self.job_starts_at, datetime.datetime):
            job_starts_at = self.job_starts_at.isoformat()
        else:
            job_starts_at = self.job_starts_at

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        overdue_at: None | str | Unset
        if isinstance(self.overdue_at, Unset):
            overdue_at = UNSET
        elif isinstance(self.overdue_at, datetime.datetime):
            overdue_at = self.overdue_at.isoformat()
        else:
            overdue_at = self.overdue_at

        overdue_diff: None | str | Unset
        if isinstance(self.overdue_diff, Unset):
            overdue_diff = UNSET
        else:
            overdue_diff = self.overdue_diff

        positive_ratings: int | None | Unset
        if isinstance(self.positive_ratings, Unset):
            positive_ratings = UNSET
        else:
            positive_ratings = self.positive_ratings

        ratings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ratings, Unset):
            ratings = self.ratings.to_dict()

        talent_pool_id: int | None | Unset
        if isinstance(self.talent_pool_id, Unset):
            talent_pool_id = UNSET
        else:
            talent_pool_id = self.talent_pool_id

        disqualified_at: None | str | Unset
        if isinstance(self.disqualified_at, Unset):
            disqualified_at = UNSET
        elif isinstance(self.disqualified_at, datetime.datetime):
            disqualified_at = self.disqualified_at.isoformat()
        else:
            disqualified_at = self.disqualified_at

        disqualify_kind: None | str | Unset
        if isinstance(self.disqualify_kind, Unset):
            disqualify_kind = UNSET
        else:
            disqualify_kind = self.disqualify_kind

        disqualify_reason = self.disqualify_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if offer_id is not UNSET:
            field_dict["offer_id"] = offer_id
        if stage_id is not UNSET:
            field_dict["stage_id"] = stage_id
        if position is not UNSET:
            field_dict["position"] = position
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if hired_at is not UNSET:
            field_dict["hired_at"] = hired_at
        if hired_by_id is not UNSET:
            field_dict["hired_by_id"] = hired_by_id
        if hired_in_this_placement is not UNSET:
            field_dict["hired_in_this_placement"] = hired_in_this_placement
        if hired_in_other_placement is not UNSET:
            field_dict["hired_in_other_placement"] = hired_in_other_placement
        if job_starts_at is not UNSET:
            field_dict["job_starts_at"] = job_starts_at
        if language is not UNSET:
            field_dict["language"] = language
        if overdue_at is not UNSET:
            field_dict["overdue_at"] = overdue_at
        if overdue_diff is not UNSET:
            field_dict["overdue_diff"] = overdue_diff
        if positive_ratings is not UNSET:
            field_dict["positive_ratings"] = positive_ratings
        if ratings is not UNSET:
            field_dict["ratings"] = ratings
        if talent_pool_id is not UNSET:
            field_dict["talent_pool_id"] = talent_pool_id
        if disqualified_at is not UNSET:
            field_dict["disqualified_at"] = disqualified_at
        if disqualify_kind is not UNSET:
            field_dict["disqualify_kind"] = disqualify_kind
        if disqualify_reason is not UNSET:
            field_dict["disqualify_reason"] = disqualify_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        candidate_id = _src_get("candidate_id", UNSET)
        offer_id = _src_get("offer_id", UNSET)
        stage_id = _src_get("stage_id", UNSET)
        position = _src_get("position", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        _hired_at = _src_get("hired_at", UNSET)
        hired_at: datetime.datetime | None | Unset = (
            _hired_at
            if _hired_at is None or _hired_at is UNSET
            else stamp_or_unset(_hired_at)
        )
        hired_by_id = _src_get("hired_by_id", UNSET)
        hired_in_this_placement = _src_get("hired_in_this_placement", UNSET)
        hired_in_other_placement = _src_get("hired_in_other_placement", UNSET)
        _job_starts_at = _src_get("job_starts_at", UNSET)
        job_starts_at: datetime.datetime | None | Unset = (
            _job_starts_at
            if _job_starts_at is None or _job_starts_at is UNSET
            else stamp_or_unset(_job_starts_at)
        )
        language = _src_get("language", UNSET)
        _overdue_at = _src_get("overdue_at", UNSET)
        overdue_at: datetime.datetime | None | Unset = (
            _overdue_at
            if _overdue_at is None or _overdue_at is UNSET
            else stamp_or_unset(_overdue_at)
        )
        overdue_diff = _src_get("overdue_diff", UNSET)
        positive_ratings = _src_get("positive_ratings", UNSET)
        _ratings = _src_get("ratings", UNSET)
        ratings: PlacementRatings | Unset = (
            UNSET if _ratings is UNSET else PlacementRatings.from_dict(_ratings)
        )
        talent_pool_id = _src_get("talent_pool_id", UNSET)
        _disqualified_at = _src_get("disqualified_at", UNSET)
        disqualified_at: datetime.datetime | None | Unset = (
            _disqualified_at
            if _disqualified_at is None or _disqualified_at is UNSET
            else stamp_or_unset(_disqualified_at)
        )
        disqualify_kind = _src_get("disqualify_kind", UNSET)
        disqualify_reason = _src_get("disqualify_reason", UNSET)
        _instance_ = cls(
            id,
            candidate_id,
            offer_id,
            stage_id,
            position,
            created_at,
            updated_at,
            hired_at,
            hired_by_id,
            hired_in_this_placement,
            hired_in_other_placement,
            job_starts_at,
            language,
            overdue_at,
            overdue_diff,
            positive_ratings,
            ratings,
            talent_pool_id,
            disqualified_at,
            disqualify_kind,
            disqualify_reason,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
        if updated_at is UNSET and _updated_at is not UNSET:
            _instance_.additional_properties["updated_at"] = _updated_at
        if hired_at is UNSET and _hired_at is not UNSET:
            _instance_.additional_properties["hired_at"] = _hired_at
        if job_starts_at is UNSET and _job_starts_at is not UNSET:
            _instance_.additional_properties["job_starts_at"] = _job_starts_at
        if overdue_at is UNSET and _overdue_at is not UNSET:
            _instance_.additional_properties["overdue_at"] = _overdue_at
        if disqualified_at is UNSET and _disqualified_at is not UNSET:
            _instance_.additional_properties["disqualified_at"] = _disqualified_at
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        """The keys of the answer that the spec does not name (``obj[key]`` reads each)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.placement_ratings import PlacementRatings
