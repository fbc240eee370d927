import pytest

from tests.sitrep.shared import shared_seeds_folder


@pytest.fixture(scope="session")
def shared_seeds():
    return shared_seeds_folder()
