"""Where the demo landlord's homes are: regions, local authorities, postcode districts and streets."""

# region name -> [(local authority, town, postcode district)]
AREAS = {
    "London": [("Southwark", "London", "SE15"), ("Hackney", "London", "E8"), ("Newham", "London", "E13")],
    "North West": [("Manchester", "Manchester", "M13"), ("Salford", "Salford", "M6"), ("Liverpool", "Liverpool", "L8")],
    "West Midlands": [
        ("Birmingham", "Birmingham", "B10"),
        ("Wolverhampton", "Wolverhampton", "WV10"),
        ("Coventry", "Coventry", "CV2"),
    ],
    "Yorkshire and The Humber": [
        ("Leeds", "Leeds", "LS9"),
        ("Bradford", "Bradford", "BD3"),
        ("Sheffield", "Sheffield", "S2"),
    ],
    "North East": [("Newcastle upon Tyne", "Newcastle upon Tyne", "NE4"), ("Sunderland", "Sunderland", "SR4")],
    "South East": [("Southampton", "Southampton", "SO14"), ("Reading", "Reading", "RG1")],
}

# Share of the demo landlord's homes in each region.
REGION_WEIGHTS = {
    "London": 0.22,
    "North West": 0.20,
    "West Midlands": 0.17,
    "Yorkshire and The Humber": 0.16,
    "North East": 0.11,
    "South East": 0.14,
}

STREETS = [
    "Albert Road",
    "Station Road",
    "Victoria Street",
    "Church Lane",
    "Park Avenue",
    "Mill Lane",
    "Queens Road",
    "Kingsway",
    "Orchard Close",
    "Brook Street",
    "Elm Grove",
    "Chapel Street",
    "Windsor Court",
    "Meadow View",
    "Canal Walk",
    "Hillside Crescent",
    "Linden House",
    "Cedar Court",
    "Beech Road",
    "Forge Lane",
    "Nelson Street",
    "Ashfield Way",
    "Primrose Hill",
    "Rowan Drive",
]
FLAT_BLOCKS = {"Windsor Court", "Linden House", "Cedar Court", "Canal Walk"}

# Social homes sit mostly in the more deprived tenths of England (1 = most deprived).
IMD_DECILE_WEIGHTS = [25, 18, 14, 11, 9, 7, 6, 4, 3, 3]

SCHEME_WEIGHTS = {
    "general_needs": 78,
    "supported": 5,
    "older_people": 9,
    "shared_ownership": 6,
    "leasehold": 2,
}
