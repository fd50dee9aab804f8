from PIL import Image
from PIL.ExifTags import IFD, GPS, Base

from socialguard.analysis.images.load import load_image
from socialguard.analysis.images.metadata import read_metadata


def test_it_reads_the_gps_position_device_and_owner(demo):
    meta = read_metadata(load_image(demo / "gps_garden.jpg").exif)
    assert meta.has_location
    assert abs(meta.latitude - 52.2459) < 1e-4 and abs(meta.longitude - 0.7112) < 1e-4
    assert meta.device == "DemoPhone 12" and meta.owner == "Sarah Hughes"
    assert meta.taken_at == "2026:07:10 14:05:00"


def test_it_reads_southern_and_western_positions_as_negative(tmp_path):
    ex = Image.Exif()
    gps = ex.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "S", (33.0, 52.0, 4.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "W", (70.0, 30.0, 0.0)
    p = tmp_path / "g.jpg"
    Image.new("RGB", (10, 10)).save(p, exif=ex)
    meta = read_metadata(load_image(p).exif)
    assert meta.latitude < -33.8 and meta.longitude < -70.4


def test_it_ignores_a_zero_or_impossible_position(tmp_path):
    ex = Image.Exif()
    gps = ex.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef], gps[GPS.GPSLatitude] = "N", (0.0, 0.0, 0.0)
    gps[GPS.GPSLongitudeRef], gps[GPS.GPSLongitude] = "E", (0.0, 0.0, 0.0)
    ex[Base.Model] = "X1"
    p = tmp_path / "z.jpg"
    Image.new("RGB", (10, 10)).save(p, exif=ex)
    meta = read_metadata(load_image(p).exif)
    assert not meta.has_location and meta.device == "X1"


def test_it_finds_nothing_in_an_image_without_metadata(demo):
    assert read_metadata(load_image(demo / "poster_phone.png").exif).to_dict() == {}
