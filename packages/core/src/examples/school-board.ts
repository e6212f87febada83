import type { Actor } from "../schema/actor.ts";
import type { PowerMapDocument } from "../schema/document.ts";
import type { Relationship } from "../schema/relationship.ts";
import type { Source } from "../schema/source.ts";

/*
 * The shipped example: a fictional Bargaining-for-the-Common-Good campaign in the city of Riverton.
 * The teachers' union and its allies want the school board to stop closing neighbourhood schools and
 * to fund nurses and counsellors; charter-school money, a developer, a bank and a private-equity-owned
 * bus contractor profit from the status quo. Every person and organization is invented.
 *
 * Layout: our side on the left (x < 0), the board in the middle, the opposition and bad actors on
 * the right; rows group actors by the cluster they belong to.
 */

// Sources reused across claims (all fictional pages on plausible hosts).
const S = {
  boardRoster: { url: "https://www.rivertonusd.example.org/board/members", title: "Riverton USD — Board of Education members", accessed: "2026-10-02" },
  boardMinutes: { url: "https://www.rivertonusd.example.org/board/minutes/2024-03-12", title: "Board minutes, March 12, 2024: appointment to fill vacancy", accessed: "2026-10-02", quote: "Mayor Donnelly's appointee David Price was sworn in as trustee for Area 4." },
  boardMinutes2022: { url: "https://www.rivertonusd.example.org/board/minutes/2022-06-21", title: "Board minutes, June 21, 2022: superintendent contract", accessed: "2026-10-02" },
  campaignFinance: { url: "https://campaignfinance.riverton.example.gov/committees/RFBS-PAC/2025", title: "Riverton Families for Better Schools PAC — 2025 filings", publisher: "Riverton City Clerk", accessed: "2026-09-18" },
  candidateFilings: { url: "https://campaignfinance.riverton.example.gov/candidates/school-board/2025", title: "School board candidates — contributions received, 2025", publisher: "Riverton City Clerk", accessed: "2026-09-18" },
  mayorFilings: { url: "https://campaignfinance.riverton.example.gov/candidates/mayor/2023", title: "Mayoral candidates — contributions received, 2023", publisher: "Riverton City Clerk", accessed: "2026-09-18" },
  secFiling: { url: "https://www.sec.example.gov/cgi-bin/browse-edgar?company=keystone+capital", title: "Keystone Capital Partners — Form ADV", publisher: "SEC", accessed: "2026-08-30" },
  eduserveSite: { url: "https://www.eduserve.example.com/about/portfolio", title: "EduServe Holdings — our companies", accessed: "2026-08-30" },
  busContract: { url: "https://www.rivertonusd.example.org/procurement/contracts/2022-117", title: "Contract 2022-117: student transportation services", accessed: "2026-09-05" },
  bondDocs: { url: "https://emma.example.org/issue/RUSD-2024-GO", title: "Riverton USD General Obligation Bonds, Series 2024 — official statement", accessed: "2026-09-05" },
  landSale: { url: "https://www.rivertonledger.example.com/news/2025/lincoln-elementary-site-sold", title: "District sells Lincoln Elementary site to Harborview", publisher: "The Riverton Ledger", accessed: "2026-09-10", published: "2025-04-14" },
  lobbyRegistry: { url: "https://lobbying.riverton.example.gov/registrants/capitol-strategies", title: "Lobbyist registry: Capitol Strategies LLC", publisher: "Riverton City Clerk", accessed: "2026-09-12" },
  foundation990: { url: "https://projects.propublica.example.org/nonprofits/organizations/990/horizon-charter-foundation", title: "Horizon Charter Schools Foundation — Form 990 (2024)", accessed: "2026-08-28" },
  ledgerEndorse: { url: "https://www.rivertonledger.example.com/opinion/2025/10/endorsements-school-board", title: "Editorial: our school board endorsements", publisher: "The Riverton Ledger", accessed: "2026-09-10", published: "2025-10-12" },
  unionSite: { url: "https://www.rea12.example.org/about", title: "Riverton Education Association Local 12 — about us", accessed: "2026-10-01" },
  coalitionLaunch: { url: "https://www.rea12.example.org/news/2026/common-good-coalition", title: "Union, parents and faith leaders launch Schools Riverton Deserves coalition", accessed: "2026-10-01", published: "2026-02-03" },
  chamberBoard: { url: "https://www.rivertonchamber.example.org/board", title: "Riverton Chamber of Commerce — board of directors", accessed: "2026-09-20" },
  radioShow: { url: "https://www.wrvt1040.example.com/shows/gary-sims", title: "The Gary Sims Show", publisher: "WRVT 1040 AM", accessed: "2026-09-22" },
  memberInterview: { title: "Organizer one-on-one notes (internal), September 2026", accessed: "2026-09-25" },
} satisfies Record<string, Source>;

const ACTORS: readonly Actor[] = [
  // — Our union and its members (own) —
  { id: "union-local", name: "Riverton Education Association Local 12", kind: "union", roles: ["own"], aliases: ["REA Local 12", "REA"], stance: 2, power: 3, powerSources: ["membership", "votes"], selfInterest: "A fair contract, smaller classes, nurses and counsellors in every school.", description: "Union of 1,900 teachers, nurses and support staff of Riverton Unified.", tags: ["labor", "coalition"], sources: [S.unionSite], externalIds: { littlesis: "LS-900112" }, position: { x: -600, y: 0 } },
  { id: "union-president", name: "Dana Whitfield", kind: "person", roles: ["own"], title: "President, REA Local 12", stance: 2, power: 3, powerSources: ["membership"], tags: ["labor"], sources: [S.unionSite], position: { x: -750, y: -120 } },
  { id: "member-teacher", name: "Marcus Bell", kind: "person", roles: ["own"], title: "Science teacher, Riverton High", stance: 2, power: 1, selfInterest: "Keep Riverton High's lab program open.", notes: "Coaches youth soccer with Robert Chen; their sons play on the same team.", tags: ["member", "organizing-committee"], position: { x: -450, y: -150 } },
  { id: "member-nurse", name: "Angela Ruiz", kind: "person", roles: ["own"], title: "School nurse", stance: 2, power: 1, notes: "Sister of David Price's wife; talks with him at family dinners.", tags: ["member"], sources: [S.memberInterview], position: { x: -450, y: 150 } },
  { id: "member-coach", name: "Tom Kowalski", kind: "person", roles: ["own"], title: "Athletics coach", stance: 1, power: 1, tags: ["member"], position: { x: -600, y: 250 } },
  { id: "state-federation", name: "State Federation of Teachers", kind: "union", roles: ["ally"], stance: 2, power: 4, powerSources: ["money", "membership"], tags: ["labor"], position: { x: -900, y: 0 } },
  { id: "labor-council", name: "Riverton Central Labor Council", kind: "union", roles: ["ally", "influencer"], stance: 2, power: 3, powerSources: ["votes", "membership"], tags: ["labor", "coalition"], position: { x: -900, y: 200 } },

  // — Community and faith allies —
  { id: "parents-united", name: "Riverton Parents United", kind: "community_group", roles: ["ally"], aliases: ["Parents United"], stance: 2, power: 3, powerSources: ["votes", "membership"], tags: ["coalition", "parents"], sources: [S.coalitionLaunch], position: { x: -300, y: 350 } },
  { id: "parent-leader", name: "Keisha Brown", kind: "person", roles: ["ally", "influencer"], title: "Chair, Riverton Parents United", stance: 2, power: 2, tags: ["parents"], position: { x: -150, y: 450 } },
  { id: "students-for-schools", name: "Riverton Students for Public Schools", kind: "community_group", roles: ["ally"], stance: 2, power: 1, tags: ["coalition", "youth"], position: { x: -450, y: 500 } },
  { id: "tenants-association", name: "Eastside Tenants Association", kind: "community_group", roles: ["ally"], stance: 1, power: 2, powerSources: ["membership"], tags: ["coalition", "housing"], position: { x: -750, y: 450 } },
  { id: "interfaith-council", name: "Riverton Interfaith Council", kind: "faith_group", roles: ["ally", "influencer"], stance: 2, power: 3, powerSources: ["membership", "relationships"], tags: ["coalition", "faith"], sources: [S.coalitionLaunch], position: { x: -300, y: -400 } },
  { id: "first-baptist", name: "First Baptist Church of Riverton", kind: "faith_group", roles: ["ally"], stance: 2, power: 2, tags: ["faith"], position: { x: -500, y: -500 } },
  { id: "st-marks", name: "St. Mark's Catholic Parish", kind: "faith_group", roles: ["ally"], aliases: ["St Marks"], stance: 1, power: 2, tags: ["faith"], position: { x: -100, y: -520 } },
  { id: "pastor-james", name: "Rev. Samuel James", kind: "person", roles: ["ally", "influencer"], title: "Senior Pastor, First Baptist Church", stance: 2, power: 3, powerSources: ["relationships", "membership"], tags: ["faith"], position: { x: -650, y: -380 } },

  // — The decision-makers (targets) —
  { id: "school-board", name: "Riverton Unified School Board", kind: "government_body", roles: ["target"], aliases: ["the school board", "Board of Education", "RUSD Board"], stance: 0, power: 5, powerSources: ["office", "votes"], selfInterest: "Balance the budget without a tax increase; avoid a strike.", description: "Seven-member elected board of Riverton Unified School District.", tags: ["decision-maker"], sources: [S.boardRoster], externalIds: { wikidata: "Q99900001" }, position: { x: 150, y: 0 } },
  { id: "board-president", name: "Linda Harmon", kind: "person", roles: ["target", "power_broker"], title: "President, Riverton Unified School Board", stance: -1, power: 5, powerSources: ["office", "relationships"], selfInterest: "Run for state assembly in 2028; keep business backers happy.", tags: ["board", "decision-maker"], sources: [S.boardRoster], position: { x: 300, y: -150 } },
  { id: "board-vp", name: "Robert Chen", kind: "person", roles: ["target"], title: "Vice President, School Board; CPA", stance: 0, power: 4, powerSources: ["office"], selfInterest: "Fiscal responsibility; a clean audit.", tags: ["board", "swing-vote"], sources: [S.boardRoster], position: { x: 0, y: -250 } },
  { id: "trustee-okafor", name: "Grace Okafor", kind: "person", roles: ["target", "ally"], title: "Trustee, Area 2", stance: 2, power: 4, powerSources: ["office"], tags: ["board"], sources: [S.boardRoster], position: { x: -50, y: 150 } },
  { id: "trustee-mills", name: "Steven Mills", kind: "person", roles: ["target", "opposition"], title: "Trustee, Area 5", stance: -2, power: 4, powerSources: ["office", "money"], selfInterest: "Expand charter schools in the district.", tags: ["board"], sources: [S.boardRoster], position: { x: 400, y: 100 } },
  { id: "trustee-garcia", name: "Elena Garcia", kind: "person", roles: ["target"], title: "Trustee, Area 3", stance: 1, power: 4, powerSources: ["office", "votes"], tags: ["board", "swing-vote"], sources: [S.boardRoster], position: { x: 50, y: 300 } },
  { id: "trustee-price", name: "David Price", kind: "person", roles: ["target"], title: "Trustee, Area 4 (appointed)", power: 4, powerSources: ["office"], notes: "Appointed in March 2024; position on closures unknown.", tags: ["board", "swing-vote"], sources: [S.boardMinutes], position: { x: 250, y: 250 } },
  { id: "trustee-ortiz", name: "Carmen Ortiz", kind: "person", roles: ["target"], title: "Trustee, Area 1", stance: 1, power: 4, powerSources: ["office"], tags: ["board"], position: { x: 150, y: -300 } },
  { id: "former-trustee", name: "Harold Finch", kind: "person", roles: ["influencer"], title: "Former trustee, Area 4", stance: -1, power: 2, powerSources: ["relationships"], notes: "Resigned in January 2024; still close to the board president.", tags: ["board-alumni"], position: { x: 450, y: -300 } },
  { id: "superintendent", name: "Dr. Karen Walsh", kind: "person", roles: ["target", "power_broker"], aliases: ["Superintendent Walsh"], title: "Superintendent, Riverton Unified", stance: -1, power: 4, powerSources: ["office", "expertise"], tags: ["district"], sources: [S.boardMinutes2022], position: { x: 300, y: -450 } },
  { id: "school-district", name: "Riverton Unified School District", kind: "government_body", roles: ["target"], aliases: ["RUSD", "Riverton Unified"], stance: 0, power: 4, powerSources: ["money", "office"], tags: ["district"], position: { x: 150, y: -600 } },
  { id: "riverton-high", name: "Riverton High School", kind: "school", roles: [], stance: 1, power: 1, tags: ["district"], position: { x: -300, y: -650 } },
  { id: "mayor", name: "Frank Donnelly", kind: "person", roles: ["power_broker", "target"], aliases: ["Mayor Donnelly"], title: "Mayor of Riverton", stance: 0, power: 4, powerSources: ["office", "votes", "relationships"], selfInterest: "Re-election in 2027; downtown development.", tags: ["city"], position: { x: 600, y: -600 } },
  { id: "city-council", name: "Riverton City Council", kind: "government_body", roles: ["power_broker"], stance: 0, power: 3, powerSources: ["office", "votes"], tags: ["city"], position: { x: 800, y: -700 } },
  { id: "state-education-dept", name: "State Department of Education", kind: "government_body", roles: ["influencer"], power: 3, powerSources: ["office", "money"], position: { x: -50, y: -750 } },
  { id: "university", name: "Riverton State University", kind: "school", roles: [], power: 2, powerSources: ["expertise"], position: { x: -200, y: 650 } },

  // — Money and the opposition —
  { id: "better-schools-pac", name: "Riverton Families for Better Schools PAC", kind: "political_committee", roles: ["opposition", "bad_actor"], aliases: ["Better Schools PAC", "RFBS PAC"], stance: -2, power: 4, powerSources: ["money"], description: "Independent expenditure committee funded by charter and real-estate money.", tags: ["money", "charter"], sources: [S.campaignFinance], position: { x: 600, y: 0 } },
  { id: "developer", name: "Harborview Development Group", kind: "company", roles: ["bad_actor"], aliases: ["Harborview"], stance: -2, power: 4, powerSources: ["money", "relationships"], selfInterest: "Buy closed school sites for luxury housing.", tags: ["real-estate", "money"], sources: [S.landSale], position: { x: 750, y: -300 } },
  { id: "developer-ceo", name: "Richard Vance", kind: "person", roles: ["bad_actor", "power_broker"], title: "CEO, Harborview Development Group", stance: -2, power: 4, powerSources: ["money", "relationships"], tags: ["real-estate"], position: { x: 900, y: -450 } },
  { id: "charter-foundation", name: "Horizon Charter Schools Foundation", kind: "nonprofit", roles: ["bad_actor", "opposition"], aliases: ["Horizon Foundation"], stance: -2, power: 4, powerSources: ["money"], tags: ["charter", "money"], sources: [S.foundation990], externalIds: { opensanctions: "NK-hcsf-0001" }, position: { x: 900, y: 150 } },
  { id: "charter-network", name: "Horizon Academies", kind: "school", roles: ["opposition"], stance: -2, power: 2, tags: ["charter"], position: { x: 1050, y: 300 } },
  { id: "bank", name: "First Riverton Bank", kind: "financial_institution", roles: ["bad_actor"], aliases: ["FRB"], stance: -1, power: 4, powerSources: ["money"], selfInterest: "Underwriting fees on district bonds; loans to charter operators.", tags: ["finance", "money"], sources: [S.bondDocs], position: { x: 650, y: -150 } },
  { id: "bank-ceo", name: "Patricia Lowell", kind: "person", roles: ["bad_actor", "power_broker"], title: "CEO, First Riverton Bank", stance: -1, power: 4, powerSources: ["money", "relationships"], tags: ["finance"], position: { x: 550, y: -350 } },
  { id: "pe-firm", name: "Keystone Capital Partners", kind: "financial_institution", roles: ["bad_actor"], aliases: ["Keystone"], stance: -1, power: 3, powerSources: ["money"], tags: ["private-equity", "money"], sources: [S.secFiling], position: { x: 1200, y: -150 } },
  { id: "pe-partner", name: "Nathan Cole", kind: "person", roles: ["bad_actor"], title: "Managing Partner, Keystone Capital Partners", stance: -2, power: 3, powerSources: ["money"], tags: ["private-equity"], position: { x: 1200, y: 50 } },
  { id: "pe-fund", name: "Keystone Capital Fund IV", kind: "financial_institution", roles: ["bad_actor"], power: 3, powerSources: ["money"], tags: ["private-equity"], sources: [S.secFiling], position: { x: 1050, y: -250 } },
  { id: "eduserve", name: "EduServe Holdings", kind: "company", roles: ["bad_actor"], stance: -1, power: 2, powerSources: ["money"], tags: ["private-equity", "contractor"], sources: [S.eduserveSite], position: { x: 950, y: -100 } },
  { id: "bus-contractor", name: "Riverton Student Transport Co.", kind: "company", roles: ["bad_actor"], aliases: ["RST"], stance: -1, power: 2, powerSources: ["money"], selfInterest: "Renew the transportation contract without wage standards.", tags: ["contractor"], sources: [S.busContract], position: { x: 800, y: -50 } },
  { id: "lobby-firm", name: "Capitol Strategies LLC", kind: "company", roles: ["opposition"], stance: -2, power: 3, powerSources: ["relationships"], tags: ["lobbying"], sources: [S.lobbyRegistry], position: { x: 700, y: 250 } },
  { id: "lobbyist", name: "Jeff Nolan", kind: "person", roles: ["opposition", "power_broker"], title: "Principal, Capitol Strategies LLC", stance: -2, power: 3, powerSources: ["relationships"], notes: "Former chief of staff to Mayor Donnelly.", tags: ["lobbying"], sources: [S.lobbyRegistry], position: { x: 550, y: 350 } },
  { id: "taxpayers-alliance", name: "Riverton Taxpayers Alliance", kind: "community_group", roles: ["opposition"], stance: -2, power: 2, powerSources: ["votes", "media"], tags: ["anti-tax"], position: { x: 400, y: 500 } },
  { id: "chamber", name: "Riverton Chamber of Commerce", kind: "other", roles: ["influencer", "opposition"], stance: -1, power: 3, powerSources: ["money", "relationships"], tags: ["business"], sources: [S.chamberBoard], position: { x: 950, y: -600 } },
  { id: "rotary", name: "Riverton Rotary Club", kind: "other", roles: ["influencer"], power: 2, powerSources: ["relationships"], tags: ["civic"], position: { x: 450, y: -750 } },
  { id: "county-party", name: "Riverton County Democratic Committee", kind: "political_committee", roles: ["power_broker"], stance: 1, power: 3, powerSources: ["votes", "money"], tags: ["party"], position: { x: -250, y: 100 } },

  // — Media —
  { id: "newspaper", name: "The Riverton Ledger", kind: "media", roles: ["influencer"], aliases: ["Riverton Ledger", "the Ledger"], stance: 0, power: 3, powerSources: ["media"], tags: ["media"], position: { x: 250, y: 600 } },
  { id: "radio-station", name: "WRVT 1040 AM", kind: "media", roles: ["influencer"], stance: -1, power: 2, powerSources: ["media"], tags: ["media"], sources: [S.radioShow], position: { x: 750, y: 550 } },
  { id: "radio-host", name: "Gary Sims", kind: "person", roles: ["influencer", "opposition"], title: "Talk radio host, WRVT", stance: -2, power: 2, powerSources: ["media"], tags: ["media"], sources: [S.radioShow], position: { x: 600, y: 650 } },
];

type R = Relationship;
const RELATIONSHIPS: readonly R[] = [
  // Board seats (position). A past seat has an end date and current: false.
  { id: "seat-harmon", from: "board-president", to: "school-board", kind: "position", title: "Board President", isBoard: true, isExecutive: false, strength: 5, startDate: "2019-12", current: true, sources: [S.boardRoster] },
  { id: "seat-chen", from: "board-vp", to: "school-board", kind: "position", title: "Vice President", isBoard: true, strength: 5, startDate: "2021-12", current: true, sources: [S.boardRoster] },
  { id: "seat-okafor", from: "trustee-okafor", to: "school-board", kind: "position", title: "Trustee, Area 2", isBoard: true, strength: 5, startDate: "2021-12", current: true, sources: [S.boardRoster] },
  { id: "seat-mills", from: "trustee-mills", to: "school-board", kind: "position", title: "Trustee, Area 5", isBoard: true, strength: 5, startDate: "2019-12", current: true, sources: [S.boardRoster] },
  { id: "seat-garcia", from: "trustee-garcia", to: "school-board", kind: "position", title: "Trustee, Area 3", isBoard: true, strength: 5, startDate: "2025-12", current: true, sources: [S.boardRoster] },
  { id: "seat-price", from: "trustee-price", to: "school-board", kind: "position", title: "Trustee, Area 4", isBoard: true, strength: 5, startDate: "2024-03-12", current: true, sources: [S.boardMinutes] },
  { id: "seat-ortiz", from: "trustee-ortiz", to: "school-board", kind: "position", title: "Trustee, Area 1", isBoard: true, strength: 5, startDate: "2023-12", current: true },
  { id: "seat-finch", from: "former-trustee", to: "school-board", kind: "position", title: "Trustee, Area 4", isBoard: true, strength: 5, startDate: "2015-12", endDate: "2024-01-31", current: false, notes: "Resigned mid-term.", sources: [S.boardMinutes] },
  // Other positions
  { id: "pos-walsh", from: "superintendent", to: "school-district", kind: "position", title: "Superintendent", isExecutive: true, strength: 5, startDate: "2022-07", current: true, sources: [S.boardMinutes2022] },
  { id: "pos-whitfield", from: "union-president", to: "union-local", kind: "position", title: "President", isExecutive: true, strength: 5, startDate: "2020-06", current: true, sources: [S.unionSite] },
  { id: "pos-vance", from: "developer-ceo", to: "developer", kind: "position", title: "CEO", isExecutive: true, strength: 5, startDate: "2008", sources: [S.landSale] },
  { id: "pos-vance-chamber", from: "developer-ceo", to: "chamber", kind: "position", title: "Director", isBoard: true, strength: 3, startDate: "2021", sources: [S.chamberBoard] },
  { id: "pos-lowell", from: "bank-ceo", to: "bank", kind: "position", title: "CEO", isExecutive: true, strength: 5, startDate: "2017" },
  { id: "pos-lowell-horizon", from: "bank-ceo", to: "charter-foundation", kind: "position", title: "Board Chair", isBoard: true, strength: 4, startDate: "2022", sources: [S.foundation990] },
  { id: "pos-cole", from: "pe-partner", to: "pe-firm", kind: "position", title: "Managing Partner", isExecutive: true, strength: 5, sources: [S.secFiling] },
  { id: "pos-cole-horizon", from: "pe-partner", to: "charter-foundation", kind: "position", title: "Director", isBoard: true, strength: 3, sources: [S.foundation990] },
  { id: "pos-brown", from: "parent-leader", to: "parents-united", kind: "position", title: "Chair", isExecutive: true, strength: 5, startDate: "2024-01", sources: [S.coalitionLaunch] },
  { id: "pos-james", from: "pastor-james", to: "first-baptist", kind: "position", title: "Senior Pastor", isExecutive: true, strength: 5, startDate: "2011" },
  { id: "pos-donnelly", from: "mayor", to: "city-council", kind: "position", title: "Mayor (presiding)", isExecutive: true, strength: 4, startDate: "2023-12", current: true, sources: [S.mayorFilings] },
  { id: "pos-garcia-parents", from: "trustee-garcia", to: "parents-united", kind: "position", title: "Chair", isExecutive: true, strength: 4, startDate: "2020-09", endDate: "2023-12", current: false, notes: "Stepped down when she ran for the board." },
  // Employment
  { id: "emp-bell", from: "member-teacher", to: "riverton-high", kind: "employment", title: "Science teacher", strength: 3, startDate: "2012" },
  { id: "emp-ruiz", from: "member-nurse", to: "school-district", kind: "employment", title: "School nurse", strength: 3, startDate: "2016" },
  { id: "emp-kowalski", from: "member-coach", to: "riverton-high", kind: "employment", title: "Athletics coach", strength: 3 },
  { id: "emp-nolan", from: "lobbyist", to: "lobby-firm", kind: "employment", title: "Principal", strength: 5, startDate: "2023-02", sources: [S.lobbyRegistry] },
  { id: "emp-nolan-mayor", from: "lobbyist", to: "mayor", kind: "employment", title: "Chief of Staff", strength: 4, startDate: "2019-01", endDate: "2022-12", current: false, sources: [S.lobbyRegistry] },
  { id: "emp-sims", from: "radio-host", to: "radio-station", kind: "employment", title: "Host", strength: 4, sources: [S.radioShow] },
  { id: "emp-okafor", from: "trustee-okafor", to: "university", kind: "employment", title: "Professor of Education", strength: 3 },
  // Membership
  { id: "mem-bell", from: "member-teacher", to: "union-local", kind: "membership", title: "Building representative", strength: 4 },
  { id: "mem-ruiz", from: "member-nurse", to: "union-local", kind: "membership", strength: 3 },
  { id: "mem-kowalski", from: "member-coach", to: "union-local", kind: "membership", strength: 3 },
  { id: "mem-union-federation", from: "union-local", to: "state-federation", kind: "membership", title: "Affiliate", strength: 4, sources: [S.unionSite] },
  { id: "mem-union-council", from: "union-local", to: "labor-council", kind: "membership", title: "Affiliate", strength: 4, sources: [S.unionSite] },
  { id: "mem-kowalski-stmarks", from: "member-coach", to: "st-marks", kind: "membership", title: "Parish council", strength: 3 },
  { id: "mem-chen-stmarks", from: "board-vp", to: "st-marks", kind: "membership", strength: 3 },
  { id: "mem-baptist-interfaith", from: "first-baptist", to: "interfaith-council", kind: "membership", strength: 4 },
  { id: "mem-stmarks-interfaith", from: "st-marks", to: "interfaith-council", kind: "membership", strength: 4 },
  { id: "mem-harmon-rotary", from: "board-president", to: "rotary", kind: "membership", strength: 3 },
  { id: "mem-vance-rotary", from: "developer-ceo", to: "rotary", kind: "membership", strength: 3 },
  { id: "mem-developer-chamber", from: "developer", to: "chamber", kind: "membership", strength: 3, sources: [S.chamberBoard] },
  { id: "mem-bank-chamber", from: "bank", to: "chamber", kind: "membership", strength: 3, sources: [S.chamberBoard] },
  { id: "mem-students-parents", from: "students-for-schools", to: "parents-united", kind: "membership", title: "Youth caucus", strength: 2 },
  // Ownership and parent/subsidiary: the private-equity chain behind the bus contractor
  { id: "sub-keystone-fund", from: "pe-firm", to: "pe-fund", kind: "subsidiary", label: "general partner of", strength: 5, startDate: "2019", sources: [S.secFiling] },
  { id: "own-fund-eduserve", from: "pe-fund", to: "eduserve", kind: "ownership", percentage: 78, strength: 5, startDate: "2020-05", sources: [S.secFiling, S.eduserveSite] },
  { id: "sub-eduserve-rst", from: "eduserve", to: "bus-contractor", kind: "subsidiary", strength: 5, startDate: "2021-01", sources: [S.eduserveSite] },
  { id: "own-vance-harborview", from: "developer-ceo", to: "developer", kind: "ownership", percentage: 60, strength: 5 },
  { id: "inf-station-sims", from: "radio-station", to: "radio-host", kind: "influence", label: "sets the talking points of", strength: 2 },
  // Donations
  { id: "don-pac-harmon", from: "better-schools-pac", to: "board-president", kind: "donation", amount: 15000, currency: "USD", date: "2025-09-15", strength: 4, sources: [S.campaignFinance] },
  { id: "don-pac-mills", from: "better-schools-pac", to: "trustee-mills", kind: "donation", amount: 12000, currency: "USD", date: "2025-09-15", strength: 4, sources: [S.campaignFinance] },
  { id: "don-developer-pac", from: "developer", to: "better-schools-pac", kind: "donation", amount: 50000, currency: "USD", date: "2025-06-30", strength: 4, sources: [S.campaignFinance] },
  { id: "don-vance-harmon", from: "developer-ceo", to: "board-president", kind: "donation", amount: 5000, currency: "USD", date: "2025-08-02", strength: 3, sources: [S.candidateFilings] },
  { id: "don-horizon-pac", from: "charter-foundation", to: "better-schools-pac", kind: "donation", amount: 75000, currency: "USD", date: "2025-05-20", strength: 5, sources: [S.campaignFinance] },
  { id: "don-bank-pac", from: "bank", to: "better-schools-pac", kind: "donation", amount: 25000, currency: "USD", date: "2025-07-11", strength: 3, sources: [S.campaignFinance] },
  { id: "don-bank-mayor", from: "bank", to: "mayor", kind: "donation", amount: 10000, currency: "USD", date: "2023-10-01", strength: 3, sources: [S.mayorFilings] },
  { id: "don-cole-pac", from: "pe-partner", to: "better-schools-pac", kind: "donation", amount: 20000, currency: "USD", date: "2025-08-19", strength: 3, sources: [S.campaignFinance] },
  { id: "don-developer-mayor", from: "developer", to: "mayor", kind: "donation", amount: 8500, currency: "USD", date: "2023-09", strength: 3 },
  { id: "don-union-okafor", from: "union-local", to: "trustee-okafor", kind: "donation", amount: 3000, currency: "USD", date: "2021-10-04", strength: 3, sources: [S.candidateFilings] },
  { id: "don-council-garcia", from: "labor-council", to: "trustee-garcia", kind: "donation", amount: 2500, currency: "USD", date: "2025-10-01", strength: 3, sources: [S.candidateFilings] },
  // Funding, grants, loans
  { id: "fund-horizon-academies", from: "charter-foundation", to: "charter-network", kind: "funding", amount: 2000000, currency: "USD", date: "2024", strength: 5, sources: [S.foundation990] },
  { id: "fund-bank-academies", from: "bank", to: "charter-network", kind: "funding", label: "facilities loan", amount: 4500000, currency: "USD", date: "2024-03", strength: 4 },
  { id: "fund-federation-parents", from: "state-federation", to: "parents-united", kind: "funding", label: "organizing grant", amount: 15000, currency: "USD", date: "2026-01", strength: 2, sources: [S.coalitionLaunch] },
  { id: "fund-horizon-taxpayers", from: "charter-foundation", to: "taxpayers-alliance", kind: "funding", amount: 40000, currency: "USD", date: "2025", strength: 3, sources: [S.foundation990] },
  { id: "fund-state-district", from: "state-education-dept", to: "school-district", kind: "funding", label: "state aid", amount: 212000000, currency: "USD", date: "2026", strength: 4 },
  // Contracts
  { id: "con-district-rst", from: "school-district", to: "bus-contractor", kind: "contract", label: "student transportation", amount: 12400000, currency: "USD", startDate: "2022-07-01", endDate: "2027-06-30", strength: 4, sources: [S.busContract] },
  { id: "con-district-bank", from: "school-district", to: "bank", kind: "contract", label: "bond underwriting", amount: 85000000, currency: "USD", date: "2024-05", strength: 4, sources: [S.bondDocs] },
  { id: "con-district-harborview", from: "school-district", to: "developer", kind: "contract", label: "sale of the Lincoln Elementary site", amount: 3200000, currency: "USD", date: "2025-04", strength: 4, sources: [S.landSale] },
  { id: "con-horizon-capitol", from: "charter-foundation", to: "lobby-firm", kind: "contract", label: "retainer", amount: 60000, currency: "USD", startDate: "2025-01", strength: 4, sources: [S.lobbyRegistry] },
  // Lobbying
  { id: "lob-capitol-board", from: "lobby-firm", to: "school-board", kind: "lobbying", label: "charter expansion", strength: 4, startDate: "2025-02", sources: [S.lobbyRegistry] },
  { id: "lob-nolan-mills", from: "lobbyist", to: "trustee-mills", kind: "lobbying", strength: 4, sources: [S.lobbyRegistry] },
  { id: "lob-harborview-council", from: "developer", to: "city-council", kind: "lobbying", label: "rezoning of school sites", strength: 4, startDate: "2024" },
  { id: "lob-whitfield-board", from: "union-president", to: "school-board", kind: "lobbying", label: "public comment and meetings", strength: 2, startDate: "2026-02" },
  // Appointments
  { id: "app-mayor-price", from: "mayor", to: "trustee-price", kind: "appointment", title: "Trustee, Area 4 (vacancy)", date: "2024-03-12", strength: 5, sources: [S.boardMinutes] },
  { id: "app-board-walsh", from: "school-board", to: "superintendent", kind: "appointment", title: "Superintendent", date: "2022-06-21", strength: 5, sources: [S.boardMinutes2022] },
  // Endorsements
  { id: "end-pac-mills", from: "better-schools-pac", to: "trustee-mills", kind: "endorsement", date: "2025-09", strength: 3, sources: [S.campaignFinance] },
  { id: "end-union-okafor", from: "union-local", to: "trustee-okafor", kind: "endorsement", date: "2021-09", strength: 4, sources: [S.unionSite] },
  { id: "end-union-garcia", from: "union-local", to: "trustee-garcia", kind: "endorsement", date: "2025-09", strength: 4, sources: [S.unionSite] },
  { id: "end-ledger-harmon", from: "newspaper", to: "board-president", kind: "endorsement", date: "2025-10-12", strength: 3, sources: [S.ledgerEndorse] },
  { id: "end-party-garcia", from: "county-party", to: "trustee-garcia", kind: "endorsement", date: "2025-09", strength: 3 },
  { id: "end-chamber-harmon", from: "chamber", to: "board-president", kind: "endorsement", date: "2025-09", strength: 3, sources: [S.chamberBoard] },
  // Family and social ties — where the campaign's own people reach the board
  { id: "fam-ruiz-price", from: "member-nurse", to: "trustee-price", kind: "family", title: "sister-in-law", strength: 4, sources: [S.memberInterview] },
  { id: "fam-vance-mills", from: "developer-ceo", to: "trustee-mills", kind: "family", title: "brother-in-law", strength: 5 },
  { id: "soc-bell-chen", from: "member-teacher", to: "board-vp", kind: "social", label: "youth soccer parents", strength: 3, sources: [S.memberInterview] },
  { id: "soc-james-harmon", from: "pastor-james", to: "board-president", kind: "social", strength: 2 },
  { id: "soc-lowell-harmon", from: "bank-ceo", to: "board-president", kind: "social", label: "golf partners", strength: 4 },
  { id: "soc-donnelly-vance", from: "mayor", to: "developer-ceo", kind: "social", strength: 4 },
  { id: "soc-sims-mills", from: "radio-host", to: "trustee-mills", kind: "social", strength: 3, sources: [S.radioShow] },
  { id: "soc-brown-garcia", from: "parent-leader", to: "trustee-garcia", kind: "social", label: "former co-chairs", strength: 4 },
  { id: "soc-finch-harmon", from: "former-trustee", to: "board-president", kind: "social", strength: 3 },
  { id: "soc-kowalski-chen", from: "member-coach", to: "board-vp", kind: "social", label: "same parish", strength: 2 },
  { id: "soc-whitfield-ortiz", from: "union-president", to: "trustee-ortiz", kind: "social", strength: 2 },
  // Professional and education
  { id: "pro-chen-lowell", from: "board-vp", to: "bank-ceo", kind: "professional", title: "outside auditor", strength: 2 },
  { id: "pro-walsh-state", from: "superintendent", to: "state-education-dept", kind: "professional", title: "advisory committee", strength: 2 },
  { id: "pro-okafor-whitfield", from: "trustee-okafor", to: "union-president", kind: "professional", label: "co-taught a teacher-training course", strength: 2 },
  { id: "edu-harmon", from: "board-president", to: "university", kind: "education", title: "BA, Political Science", startDate: "1990", endDate: "1994", current: false, strength: 1 },
  { id: "edu-walsh", from: "superintendent", to: "university", kind: "education", title: "EdD", endDate: "2009", current: false, strength: 1 },
  { id: "edu-whitfield", from: "union-president", to: "university", kind: "education", title: "MA, Education", strength: 1 },
  // Alliances: the coalition (and one that ended)
  { id: "all-union-parents", from: "union-local", to: "parents-united", kind: "alliance", label: "Schools Riverton Deserves coalition", strength: 5, startDate: "2026-02", current: true, sources: [S.coalitionLaunch] },
  { id: "all-union-interfaith", from: "union-local", to: "interfaith-council", kind: "alliance", label: "Schools Riverton Deserves coalition", strength: 4, startDate: "2026-02", current: true, sources: [S.coalitionLaunch] },
  { id: "all-union-tenants", from: "union-local", to: "tenants-association", kind: "alliance", strength: 3, startDate: "2026-02" },
  { id: "all-parents-students", from: "parents-united", to: "students-for-schools", kind: "alliance", strength: 3 },
  { id: "all-interfaith-parents", from: "interfaith-council", to: "parents-united", kind: "alliance", strength: 3, sources: [S.coalitionLaunch] },
  { id: "all-council-tenants", from: "labor-council", to: "tenants-association", kind: "alliance", strength: 2 },
  { id: "all-union-chamber", from: "union-local", to: "chamber", kind: "alliance", label: "2018 school bond campaign", strength: 2, startDate: "2018-03", endDate: "2018-11", current: false },
  // Conflicts
  { id: "con-union-taxpayers", from: "union-local", to: "taxpayers-alliance", kind: "conflict", label: "parcel tax fight", strength: 4, startDate: "2024" },
  { id: "con-union-horizon", from: "union-local", to: "charter-foundation", kind: "conflict", strength: 4, sources: [S.foundation990] },
  { id: "con-parents-pac", from: "parents-united", to: "better-schools-pac", kind: "conflict", strength: 3 },
  { id: "con-sims-union", from: "radio-host", to: "union-local", kind: "conflict", label: "on-air attacks", strength: 3, sources: [S.radioShow] },
  // Generic influence
  { id: "inf-ledger-board", from: "newspaper", to: "school-board", kind: "influence", label: "editorial coverage", strength: 3 },
  { id: "inf-state-board", from: "state-education-dept", to: "school-board", kind: "influence", label: "oversight and funding rules", strength: 3 },
  { id: "inf-interfaith-mayor", from: "interfaith-council", to: "mayor", kind: "influence", strength: 2 },
  { id: "inf-walsh-board", from: "superintendent", to: "school-board", kind: "influence", label: "sets the agenda", strength: 4 },
  { id: "inf-students-okafor", from: "students-for-schools", to: "trustee-okafor", kind: "influence", strength: 1 },
];

const EXAMPLE: PowerMapDocument = {
  format: "powermap",
  version: 1,
  meta: {
    title: "Riverton schools: who decides on closures and staffing",
    description: "Power map of the Schools Riverton Deserves campaign (fictional example shipped with powermap).",
    campaign: "Schools Riverton Deserves — Bargaining for the Common Good",
    author: "REA Local 12 research committee",
    created: "2026-02-01",
    updated: "2026-10-02",
  },
  actors: ACTORS as Actor[],
  relationships: RELATIONSHIPS as R[],
};

/**
 * A realistic fictional power map (the Riverton school-board campaign): 52 actors of every kind and
 * role, relationships of every kind, sources on many claims, two terms that have ended. Key ids:
 * "union-local" (our union), "school-board" (the target body), "board-president" (its president).
 * Returns a fresh deep copy on each call, so callers may mutate it.
 */
export function schoolBoardExample(): PowerMapDocument {
  return structuredClone(EXAMPLE);
}
