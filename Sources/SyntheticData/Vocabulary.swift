/// Word lists for synthetic names: plainly made up, never real-looking personal details.
enum Vocabulary {
    static let adjectives = ["Amber", "Birch", "Cobalt", "Dune", "Ember", "Fern", "Garnet", "Hazel", "Indigo",
                             "Jasper", "Kelp", "Lichen", "Maple", "Nettle", "Onyx", "Pebble", "Quartz", "Russet",
                             "Sage", "Thistle", "Umber", "Violet", "Willow", "Yarrow", "Zinc", "Slate"]
    static let animals = ["Otter", "Badger", "Lynx", "Marten", "Vole", "Hare", "Stoat", "Newt", "Shrew", "Mole",
                          "Fox", "Ferret", "Weasel", "Hedgehog", "Squirrel", "Dormouse"]
    static let birds = ["Heron", "Kestrel", "Raven", "Plover", "Curlew", "Osprey", "Shrike", "Merlin", "Harrier",
                        "Jackdaw", "Magpie", "Rook", "Buzzard", "Kite", "Gannet", "Petrel"]
    static let makes = [("Ford", ["Focus", "Fiesta", "Transit"]), ("Vauxhall", ["Corsa", "Astra", "Insignia"]),
                        ("Toyota", ["Prius", "Auris", "Yaris"]), ("Skoda", ["Octavia", "Superb"]),
                        ("BMW", ["3 Series", "1 Series", "X5"]), ("Audi", ["A3", "A4"]),
                        ("Volkswagen", ["Golf", "Passat", "Polo"]), ("Mercedes-Benz", ["C-Class", "Vito"])]
    static let colours = ["black", "white", "silver", "grey", "blue", "red", "green"]
    static let platforms = ["snapchat", "instagram", "tiktok", "telegram", "whatsapp", "facebook"]
    static let agencies = ["police", "childrens_social_care", "education", "health", "youth_justice",
                           "voluntary_sector", "probation", "housing"]
    static let genders = [("female", 45), ("male", 48), ("not_recorded", 7)]
    static let ethnicities = [("white_british", 70), ("white_other", 6), ("mixed", 9), ("asian", 5),
                              ("black", 6), ("other", 2), ("not_recorded", 2)]
    static let conditions = [
        "Not to be shared beyond the MACCSE panel without the originator's consent",
        "Police use only until the source is protected; ask the originating analyst before disclosure",
        "Share with the child's social worker only",
    ]
}
