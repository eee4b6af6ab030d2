/// An area the generator places communities in: the reference areas cegraph ships.
struct GeneratedArea {
    let code: String
    let name: String
    let force: String
    let postcodeArea: String
    let lat: Double
    let lon: Double
    /// How often communities live here, relative to the others.
    let weight: Int

    static let forces = [
        ("merseyside", "Merseyside Police"), ("cheshire", "Cheshire Constabulary"),
        ("lancashire", "Lancashire Constabulary"), ("greater_manchester", "Greater Manchester Police"),
        ("north_wales", "North Wales Police"),
    ]

    static let all = [
        GeneratedArea(code: "E08000012", name: "Liverpool", force: "merseyside", postcodeArea: "L", lat: 53.41, lon: -2.98, weight: 30),
        GeneratedArea(code: "E08000011", name: "Knowsley", force: "merseyside", postcodeArea: "L", lat: 53.45, lon: -2.85, weight: 10),
        GeneratedArea(code: "E08000013", name: "St Helens", force: "merseyside", postcodeArea: "WA", lat: 53.45, lon: -2.74, weight: 10),
        GeneratedArea(code: "E08000014", name: "Sefton", force: "merseyside", postcodeArea: "L", lat: 53.50, lon: -3.01, weight: 13),
        GeneratedArea(code: "E08000015", name: "Wirral", force: "merseyside", postcodeArea: "CH", lat: 53.37, lon: -3.07, weight: 14),
        GeneratedArea(code: "E06000006", name: "Halton", force: "cheshire", postcodeArea: "WA", lat: 53.34, lon: -2.73, weight: 4),
        GeneratedArea(code: "E06000007", name: "Warrington", force: "cheshire", postcodeArea: "WA", lat: 53.39, lon: -2.59, weight: 3),
        GeneratedArea(code: "E06000050", name: "Cheshire West and Chester", force: "cheshire", postcodeArea: "CH", lat: 53.19, lon: -2.89, weight: 3),
        GeneratedArea(code: "E07000127", name: "West Lancashire", force: "lancashire", postcodeArea: "WN", lat: 53.57, lon: -2.88, weight: 3),
        GeneratedArea(code: "E08000010", name: "Wigan", force: "greater_manchester", postcodeArea: "WN", lat: 53.55, lon: -2.63, weight: 3),
        GeneratedArea(code: "E08000003", name: "Manchester", force: "greater_manchester", postcodeArea: "M", lat: 53.48, lon: -2.24, weight: 3),
        GeneratedArea(code: "W06000005", name: "Flintshire", force: "north_wales", postcodeArea: "CH", lat: 53.21, lon: -3.13, weight: 2),
        GeneratedArea(code: "W06000006", name: "Wrexham", force: "north_wales", postcodeArea: "LL", lat: 53.05, lon: -2.99, weight: 2),
    ]
}
