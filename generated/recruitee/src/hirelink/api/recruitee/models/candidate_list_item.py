from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_list_item_ratings import CandidateListItemRatings
    from ..models.placement import Placement


T = TypeVar("T", bound="CandidateListItem")


@_attrs_define
class CandidateListItem:
    """The reduced candidate returned by GET /candidates. Profile details such as links, cover letter, CV URLs, tags,
    sources and profile fields are only returned by GET /candidates/{candidate_id}.

        Attributes:
            id (int):
            name (str | Unset):
            emails (list[str] | Unset):
            phones (list[str] | Unset):
            admin_id (int | None | Unset): Id of the user who added the candidate.
            followed (bool | Unset): Whether the token's owner follows this candidate.
            placements (list[Placement] | Unset): The candidate's assignments to jobs and talent pools.
            adminapp_url (None | str | Unset): Deep link to the candidate in the Recruitee app.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            last_message_at (datetime.datetime | None | Unset):
            example (bool | Unset): True for demo data seeded by Recruitee.
            has_avatar (bool | Unset):
            initials (None | str | Unset):
            photo_thumb_url (None | str | Unset):
            rating (float | Unset): Average rating; may be sent as an integer or a decimal.
            ratings (CandidateListItemRatings | Unset): Count of ratings per rating value.
            ratings_count (int | Unset):
            positive_ratings (int | None | Unset):
            my_last_rating (None | str | Unset): The token owner's latest rating of this candidate.
            notes_count (int | Unset):
            tasks_count (int | Unset):
            pending_result_request (bool | Unset):
            my_pending_result_request (bool | Unset):
            upcoming_event (bool | Unset):
            my_upcoming_event (bool | Unset):
            unread_notifications (bool | Unset):
            viewed (bool | Unset):
            referrer (None | str | Unset):
            source (None | str | Unset): How the candidate entered the system (open set of values).
    """

    id: int
    name: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phones: list[str] | Unset = UNSET
    admin_id: int | None | Unset = UNSET
    followed: bool | Unset = UNSET
    placements: list[Placement] | Unset = UNSET
    adminapp_url: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    last_message_at: datetime.datetime | None | Unset = UNSET
    example: bool | Unset = UNSET
    has_avatar: bool | Unset = UNSET
    initials: None | str | Unset = UNSET
    photo_thumb_url: None | str | Unset = UNSET
    rating: float | Unset = UNSET
    ratings: CandidateListItemRatings | Unset = UNSET
    ratings_count: int | Unset = UNSET
    positive_ratings: int | None | Unset = UNSET
    my_last_rating: None | str | Unset = UNSET
    notes_count: int | Unset = UNSET
    tasks_count: int | Unset = UNSET
    pending_result_request: bool | Unset = UNSET
    my_pending_result_request: bool | Unset = UNSET
    upcoming_event: bool | Unset = UNSET
    my_upcoming_event: bool | Unset = UNSET
    unread_notifications: bool | Unset = UNSET
    viewed: bool | Unset = UNSET
    referrer: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        admin_id: int | None | Unset
        if isinstance(self.admin_id, Unset):
            admin_id = UNSET
        else:
            admin_id = self.admin_id

        followed = self.followed

        placements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placements, Unset):
            placements = []
            for placements_item_data in self.placements:
                placements_item = placements_item_data.to_dict()
                placements.append(placements_item)

        adminapp_url: None | str | Unset
        if isinstance(self.adminapp_url, Unset):
            adminapp_url = UNSET
        else:
            adminapp_url = self.adminapp_url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        last_message_at: None | str | Unset
        if isinstance(self.last_message_at, Unset):
            last_message_at = UNSET
        elif isinstance(self.last_message_at, datetime.datetime):
            last_message_at = self.last_message_at.isoformat()
        else:
            last_message_at = self.last_message_at

        example = self.example

        has_avatar = self.has_avatar

        initials: None | str | Unset
        if isinstance(self.initials, Unset):
            initials = UNSET
        else:
            initials = self.initials

        photo_thumb_url: None | str | Unset
        if isinstance(self.photo_thumb_url, Unset):
            photo_thumb_url = UNSET
        else:
            photo_thumb_url = self.photo_thumb_url

        rating = self.rating

        ratings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ratings, Unset):
            ratings = self.ratings.to_dict()

        ratings_count = self.ratings_count

        positive_ratings: int | None | Unset
        if isinstance(self.positive_ratings, Unset):
            positive_ratings = UNSET
        else:
            positive_ratings = self.positive_ratings

        my_last_rating: None | str | Unset
        if isinstance(self.my_last_rating, Unset):
            my_last_rating = UNSET
        else:
            my_last_rating = self.my_last_rating

        notes_count = self.notes_count

        tasks_count = self.tasks_count

        pending_result_request = self.pending_result_request

        my_pending_result_request = self.my_pending_result_request

        upcoming_event = self.upcoming_event

        my_upcoming_event = self.my_upcoming_event

        unread_notifications = self.unread_notifications

        viewed = self.viewed

        referrer: None | str | Unset
        if isinstance(self.referrer, Unset):
            referrer = UNSET
        else:
            referrer = self.referrer

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phones is not UNSET:
            field_dict["phones"] = phones
        if admin_id is not UNSET:
            field_dict["admin_id"] = admin_id
        if followed is not UNSET:
            field_dict["followed"] = followed
        if placements is not UNSET:
            field_dict["placements"] = placements
        if adminapp_url is not UNSET:
            field_dict["adminapp_url"] = adminapp_url
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_message_at is not UNSET:
            field_dict["last_message_at"] = last_message_at
        if example is not UNSET:
            field_dict["example"] = example
        if has_avatar is not UNSET:
            field_dict["has_avatar"] = has_avatar
        if initials is not UNSET:
            field_dict["initials"] = initials
        if photo_thumb_url is not UNSET:
            field_dict["photo_thumb_url"] = photo_thumb_url
        if rating is not UNSET:
            field_dict["rating"] = rating
        if ratings is not UNSET:
            field_dict["ratings"] = ratings
        if ratings_count is not UNSET:
            field_dict["ratings_count"] = ratings_count
        if positive_ratings is not UNSET:
            field_dict["positive_ratings"] = positive_ratings
        if my_last_rating is not UNSET:
            field_dict["my_last_rating"] = my_last_rating
        if notes_count is not UNSET:
            field_dict["notes_count"] = notes_count
        if tasks_count is not UNSET:
            field_dict["tasks_count"] = tasks_count
        if pending_result_request is not UNSET:
            field_dict["pending_result_request"] = pending_result_request
        if my_pending_result_request is not UNSET:
            field_dict["my_pending_result_request"] = my_pending_result_request
        if upcoming_event is not UNSET:
            field_dict["upcoming_event"] = upcoming_event
        if my_upcoming_event is not UNSET:
            field_dict["my_upcoming_event"] = my_upcoming_event
        if unread_notifications is not UNSET:
            field_dict["unread_notifications"] = unread_notifications
        if viewed is not UNSET:
            field_dict["viewed"] = viewed
        if referrer is not UNSET:
            field_dict["referrer"] = referrer
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.candidate_list_item_ratings import CandidateListItemRatings
        from ..models.placement import Placement

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        emails = cast(list[str], d.pop("emails", UNSET))

        phones = cast(list[str], d.pop("phones", UNSET))

        def _parse_admin_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        admin_id = _parse_admin_id(d.pop("admin_id", UNSET))

        followed = d.pop("followed", UNSET)

        _placements = d.pop("placements", UNSET)
        placements: list[Placement] | Unset = UNSET
        if _placements is not UNSET:
            placements = []
            for placements_item_data in _placements:
                placements_item = Placement.from_dict(placements_item_data)

                placements.append(placements_item)

        def _parse_adminapp_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adminapp_url = _parse_adminapp_url(d.pop("adminapp_url", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        def _parse_last_message_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_message_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_message_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_message_at = _parse_last_message_at(d.pop("last_message_at", UNSET))

        example = d.pop("example", UNSET)

        has_avatar = d.pop("has_avatar", UNSET)

        def _parse_initials(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initials = _parse_initials(d.pop("initials", UNSET))

        def _parse_photo_thumb_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_thumb_url = _parse_photo_thumb_url(d.pop("photo_thumb_url", UNSET))

        rating = d.pop("rating", UNSET)

        _ratings = d.pop("ratings", UNSET)
        ratings: CandidateListItemRatings | Unset
        if isinstance(_ratings, Unset):
            ratings = UNSET
        else:
            ratings = CandidateListItemRatings.from_dict(_ratings)

        ratings_count = d.pop("ratings_count", UNSET)

        def _parse_positive_ratings(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        positive_ratings = _parse_positive_ratings(d.pop("positive_ratings", UNSET))

        def _parse_my_last_rating(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        my_last_rating = _parse_my_last_rating(d.pop("my_last_rating", UNSET))

        notes_count = d.pop("notes_count", UNSET)

        tasks_count = d.pop("tasks_count", UNSET)

        pending_result_request = d.pop("pending_result_request", UNSET)

        my_pending_result_request = d.pop("my_pending_result_request", UNSET)

        upcoming_event = d.pop("upcoming_event", UNSET)

        my_upcoming_event = d.pop("my_upcoming_event", UNSET)

        unread_notifications = d.pop("unread_notifications", UNSET)

        viewed = d.pop("viewed", UNSET)

        def _parse_referrer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer = _parse_referrer(d.pop("referrer", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        candidate_list_item = cls(
            id=id,
            name=name,
            emails=emails,
            phones=phones,
            admin_id=admin_id,
            followed=followed,
            placements=placements,
            adminapp_url=adminapp_url,
            created_at=created_at,
            updated_at=updated_at,
            last_message_at=last_message_at,
            example=example,
            has_avatar=has_avatar,
            initials=initials,
            photo_thumb_url=photo_thumb_url,
            rating=rating,
            ratings=ratings,
            ratings_count=ratings_count,
            positive_ratings=positive_ratings,
            my_last_rating=my_last_rating,
            notes_count=notes_count,
            tasks_count=tasks_count,
            pending_result_request=pending_result_request,
            my_pending_result_request=my_pending_result_request,
            upcoming_event=upcoming_event,
            my_upcoming_event=my_upcoming_event,
            unread_notifications=unread_notifications,
            viewed=viewed,
            referrer=referrer,
            source=source,
        )

        candidate_list_item.additional_properties = d
        return candidate_list_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
