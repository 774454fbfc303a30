#!/usr/bin/env python3
"""Build communique/data/countries.csv (development script, not part of the product).

Inputs
  * pycountry (ISO 3166-1 codes, short and official names; LGPL data)
  * Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance), only to mine
    extra English name variants and demonyms; read from the reference folder
    given with --phoenix (default: /work/shared/reference/phoenix/...).
  * the curated table CURATED below (names as used in news, demonyms,
    capitals and seats of power, notes).

The product never reads pycountry data at run time through this script, and
never reads the reference folder: it reads only the CSV written here.

Usage:  python scripts/build_countries.py [--phoenix PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "communique" / "data" / "countries.csv"
DEFAULT_PHOENIX = Path("/work/shared/reference/phoenix/Phoenix.Countries.actors.txt")

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# Curated table, one country per line:
#   code ; name ; extra names ; demonyms ; capitals and seats of power ; note
# Multi-valued fields use "|".  Demonyms ending in "-an" or "-i" get their
# plural ("-ans", "-is") added automatically; other plurals are written out.
# Names are written without a leading "the"; seats of power keep it where news
# uses it ("the Kremlin").
CURATED = r"""
AFG;Afghanistan;Islamic Emirate of Afghanistan|Islamic Republic of Afghanistan;Afghan;Kabul;governed by the Taliban as the "Islamic Emirate" since 2021-08-15
ALB;Albania;Republic of Albania;Albanian;Tirana|Tirane;
DZA;Algeria;People's Democratic Republic of Algeria;Algerian;Algiers;
AND;Andorra;Principality of Andorra;Andorran;Andorra la Vella;
AGO;Angola;Republic of Angola;Angolan;Luanda;
ATG;Antigua and Barbuda;Antigua;Antiguan|Barbudan;St. John's|St John's|Saint John's;
ARG;Argentina;Argentine Republic;Argentine|Argentines|Argentinian|Argentinean;Buenos Aires|the Casa Rosada|Casa Rosada;
ARM;Armenia;Republic of Armenia;Armenian;Yerevan;
AUS;Australia;Commonwealth of Australia;Australian|Aussie|Aussies;Canberra;
AUT;Austria;Republic of Austria;Austrian;Vienna;Vienna also hosts the UN, IAEA, OSCE and OPEC
AZE;Azerbaijan;Republic of Azerbaijan|Azerbaijan Republic;Azerbaijani|Azeri;Baku;
BHS;Bahamas;Commonwealth of The Bahamas;Bahamian;Nassau;
BHR;Bahrain;Kingdom of Bahrain;Bahraini;Manama;
BGD;Bangladesh;People's Republic of Bangladesh;Bangladeshi;Dhaka|Dacca;
BRB;Barbados;;Barbadian|Bajan;Bridgetown;
BLR;Belarus;Republic of Belarus|Byelorussia|Belorussia;Belarusian|Belarussian|Byelorussian;Minsk;
BEL;Belgium;Kingdom of Belgium;Belgian;Brussels;"Brussels" is very often a metonym for the EU institutions rather than Belgium
BLZ;Belize;;Belizean;Belmopan;
BEN;Benin;Republic of Benin;Beninese|Beninois;Porto-Novo|Cotonou;Cotonou is the seat of government
BTN;Bhutan;Kingdom of Bhutan;Bhutanese;Thimphu;
BOL;Bolivia;;Bolivian;Sucre|La Paz;La Paz is the seat of government
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH;Bosnian|Herzegovinian;Sarajevo;
BWA;Botswana;Republic of Botswana;Motswana|Batswana|Botswanan;Gaborone;
BRA;Brazil;Federative Republic of Brazil;Brazilian;Brasilia|Brasília|Planalto Palace|the Planalto;
BRN;Brunei;Brunei Darussalam|Nation of Brunei;Bruneian;Bandar Seri Begawan;
BGR;Bulgaria;Republic of Bulgaria;Bulgarian;Sofia;
BFA;Burkina Faso;Burkina|Upper Volta;Burkinabe|Burkinabè;Ouagadougou;
BDI;Burundi;Republic of Burundi;Burundian;Gitega|Bujumbura;Gitega is the political capital since 2019
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cabo Verdean;Praia;
KHM;Cambodia;Kingdom of Cambodia|Kampuchea|Democratic Kampuchea;Cambodian|Khmer|Kampuchean;Phnom Penh;
CMR;Cameroon;Republic of Cameroon;Cameroonian;Yaounde|Yaoundé;
CAN;Canada;;Canadian;Ottawa|Parliament Hill;
CAF;Central African Republic;CAR|Centrafrique;Central African|Central Africans;Bangui;"CAR" must be matched case-sensitively
TCD;Chad;Republic of Chad;Chadian;N'Djamena|Ndjamena;"Chad" is also a given name
CHL;Chile;Republic of Chile;Chilean;Santiago|La Moneda|La Moneda Palace;
CHN;China;People's Republic of China|PRC|P.R.C.|mainland China|Mainland China;Chinese;Beijing|Peking|Zhongnanhai;
COL;Colombia;Republic of Colombia;Colombian;Bogota|Bogotá|Casa de Nariño|Casa de Narino;
COM;Comoros;Union of the Comoros|Comoro Islands;Comorian|Comoran;Moroni;
COG;Republic of the Congo;Republic of Congo|Congo Republic|Congo-Brazzaville|Congo Brazzaville;Congolese;Brazzaville;bare "Congo" is listed under COD (news use); "Congolese" is shared with COD
CRI;Costa Rica;Republic of Costa Rica;Costa Rican;San Jose|San José;
CIV;Ivory Coast;Côte d'Ivoire|Cote d'Ivoire|Cote D'Ivoire;Ivorian;Yamoussoukro|Abidjan;Abidjan is the economic capital and seat of most institutions
HRV;Croatia;Republic of Croatia;Croatian|Croat|Croats;Zagreb;
CUB;Cuba;Republic of Cuba;Cuban;Havana;
CYP;Cyprus;Republic of Cyprus;Cypriot|Greek Cypriot|Greek Cypriots;Nicosia;Northern Cyprus (Turkish Cypriot) is a partially recognised entity coded to CYP with sector PRE in PLOVER
CZE;Czech Republic;Czechia|Czech Rep.;Czech|Czechs;Prague|Prague Castle;
PRK;North Korea;DPRK|D.P.R.K.|N. Korea|N.Korea;North Korean|North Koreans;Pyongyang;
COD;Democratic Republic of the Congo;Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|D.R.C.|Congo-Kinshasa|Congo Kinshasa|Zaire|Congo;Congolese;Kinshasa;bare "Congo" usually means the DRC in news but is ambiguous with COG; "Congolese" is shared with COG
DNK;Denmark;Kingdom of Denmark;Danish|Dane|Danes;Copenhagen|Christiansborg;
DJI;Djibouti;Republic of Djibouti;Djiboutian;Djibouti City;
DMA;Dominica;Commonwealth of Dominica;Dominican;Roseau;demonym "Dominican" is shared with DOM (usually means DOM)
DOM;Dominican Republic;;Dominican;Santo Domingo;demonym "Dominican" is shared with DMA
ECU;Ecuador;Republic of Ecuador;Ecuadorian|Ecuadorean;Quito|Carondelet Palace;
EGY;Egypt;Arab Republic of Egypt;Egyptian;Cairo;
SLV;El Salvador;Republic of El Salvador;Salvadoran|Salvadorean|Salvadorian;San Salvador;
GNQ;Equatorial Guinea;Republic of Equatorial Guinea;Equatorial Guinean|Equatoguinean;Malabo;
ERI;Eritrea;State of Eritrea;Eritrean;Asmara;
EST;Estonia;Republic of Estonia;Estonian;Tallinn;
SWZ;Eswatini;Swaziland|Kingdom of Swaziland;Swazi|Swazis;Mbabane|Lobamba;renamed from Swaziland in 2018
ETH;Ethiopia;Federal Democratic Republic of Ethiopia;Ethiopian;Addis Ababa;Addis Ababa also hosts the African Union
FJI;Fiji;Republic of Fiji;Fijian;Suva;
FIN;Finland;Republic of Finland;Finnish|Finn|Finns;Helsinki;
FRA;France;French Republic;French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen;Paris|the Elysee|the Élysée|Elysee Palace|Élysée Palace|Matignon|the Quai d'Orsay;
GAB;Gabon;Gabonese Republic;Gabonese;Libreville;
GMB;Gambia;The Gambia|Republic of The Gambia;Gambian;Banjul;
GEO;Georgia;Sakartvelo;Georgian|Georgians;Tbilisi;"Georgia"/"Georgian" are ambiguous with the US state; Abkhazia and South Ossetia are coded to GEO with sector PRE in PLOVER
DEU;Germany;Federal Republic of Germany;German;Berlin|the Chancellery;
GHA;Ghana;Republic of Ghana;Ghanaian;Accra;
GRC;Greece;Hellenic Republic|Hellas;Greek|Greeks;Athens|Maximos Mansion;
GRD;Grenada;;Grenadian;St. George's|St George's|Saint George's;
GTM;Guatemala;Republic of Guatemala;Guatemalan;Guatemala City;
GIN;Guinea;Republic of Guinea|Guinea-Conakry;Guinean;Conakry;
GNB;Guinea-Bissau;Guinea Bissau|Republic of Guinea-Bissau;Bissau-Guinean|Bissau Guinean;Bissau;
GUY;Guyana;Co-operative Republic of Guyana;Guyanese;Georgetown;
HTI;Haiti;Republic of Haiti;Haitian;Port-au-Prince;
HND;Honduras;Republic of Honduras;Honduran;Tegucigalpa;
HUN;Hungary;;Hungarian;Budapest;
ISL;Iceland;;Icelandic|Icelander|Icelanders;Reykjavik|Reykjavík;
IND;India;Republic of India|Bharat;Indian;New Delhi;"Indian" is also used for Native Americans and the Indian Ocean
IDN;Indonesia;Republic of Indonesia;Indonesian;Jakarta|Nusantara;the capital is being moved to Nusantara
IRN;Iran;Islamic Republic of Iran|Persia;Iranian;Tehran|Teheran;
IRQ;Iraq;Republic of Iraq;Iraqi;Baghdad;
IRL;Ireland;Republic of Ireland|Eire|Éire;Irish|Irishman|Irishmen|Irishwoman;Dublin;
ISR;Israel;State of Israel;Israeli;Jerusalem|Tel Aviv;Israel's claim of Jerusalem as capital is disputed (most embassies are in Tel Aviv); some media use "Tel Aviv" as metonym for the government
ITA;Italy;Italian Republic;Italian;Rome|Palazzo Chigi;Rome also hosts the Holy See (VAT) and the FAO
JAM;Jamaica;;Jamaican;Kingston;
JPN;Japan;;Japanese;Tokyo;
JOR;Jordan;Hashemite Kingdom of Jordan;Jordanian;Amman;"Jordan" is also a given name and a river
KAZ;Kazakhstan;Republic of Kazakhstan|Kazakstan;Kazakh|Kazakhs|Kazakhstani;Astana|Nur-Sultan|Akorda;the capital was named Nur-Sultan 2019-03-20..2022-09-17
KEN;Kenya;Republic of Kenya;Kenyan;Nairobi;
KIR;Kiribati;Republic of Kiribati;I-Kiribati;Tarawa|South Tarawa;
KWT;Kuwait;State of Kuwait;Kuwaiti;Kuwait City;
KGZ;Kyrgyzstan;Kyrgyz Republic|Kirghizia|Kirgizia;Kyrgyz|Kyrgyzstani|Kirghiz;Bishkek;
LAO;Laos;Lao PDR|Lao People's Democratic Republic;Lao|Laotian;Vientiane;
LVA;Latvia;Republic of Latvia;Latvian;Riga;
LBN;Lebanon;Lebanese Republic;Lebanese;Beirut|Baabda;
LSO;Lesotho;Kingdom of Lesotho;Mosotho|Basotho;Maseru;
LBR;Liberia;Republic of Liberia;Liberian;Monrovia;
LBY;Libya;State of Libya;Libyan;Tripoli;"Tripoli" is also a city in Lebanon
LIE;Liechtenstein;Principality of Liechtenstein;Liechtensteiner|Liechtensteiners;Vaduz;
LTU;Lithuania;Republic of Lithuania;Lithuanian;Vilnius;
LUX;Luxembourg;Grand Duchy of Luxembourg;Luxembourger|Luxembourgers|Luxembourgish;Luxembourg City;
MDG;Madagascar;Republic of Madagascar;Malagasy;Antananarivo;
MWI;Malawi;Republic of Malawi;Malawian;Lilongwe;
MYS;Malaysia;;Malaysian;Kuala Lumpur|Putrajaya;Putrajaya is the seat of government
MDV;Maldives;Republic of Maldives;Maldivian;Malé;the capital is also spelt "Male", left out as it collides with the English word
MLI;Mali;Republic of Mali;Malian;Bamako;
MLT;Malta;Republic of Malta;Maltese;Valletta;
MHL;Marshall Islands;Republic of the Marshall Islands;Marshallese;Majuro;
MRT;Mauritania;Islamic Republic of Mauritania;Mauritanian;Nouakchott;
MUS;Mauritius;Republic of Mauritius;Mauritian;Port Louis;
MEX;Mexico;United Mexican States;Mexican;Mexico City|Los Pinos|the National Palace;
FSM;Micronesia;;Micronesian;Palikir;
MCO;Monaco;Principality of Monaco;Monegasque|Monégasque|Monegasques;Monaco-Ville;
MNG;Mongolia;;Mongolian;Ulaanbaatar|Ulan Bator;
MNE;Montenegro;;Montenegrin;Podgorica;
MAR;Morocco;Kingdom of Morocco;Moroccan;Rabat;
MOZ;Mozambique;Republic of Mozambique;Mozambican;Maputo;
MMR;Myanmar;Burma|Republic of the Union of Myanmar;Burmese;Naypyitaw|Naypyidaw|Nay Pyi Taw;
NAM;Namibia;Republic of Namibia;Namibian;Windhoek;
NRU;Nauru;Republic of Nauru;Nauruan;Yaren;
NPL;Nepal;Federal Democratic Republic of Nepal;Nepali|Nepalese;Kathmandu;
NLD;Netherlands;Kingdom of the Netherlands|Holland;Dutch|Dutchman|Dutchmen|Dutchwoman|Netherlander|Netherlanders;Amsterdam|The Hague;The Hague is the seat of government (and of the ICC and ICJ)
NZL;New Zealand;Aotearoa;New Zealander|New Zealanders|Kiwi|Kiwis;Wellington|the Beehive;
NIC;Nicaragua;Republic of Nicaragua;Nicaraguan;Managua;
NER;Niger;Republic of the Niger;Nigerien;Niamey;
NGA;Nigeria;Federal Republic of Nigeria;Nigerian;Abuja|Aso Rock|Aso Villa;
MKD;North Macedonia;Macedonia|Republic of North Macedonia|Republic of Macedonia|FYROM|Former Yugoslav Republic of Macedonia;Macedonian|North Macedonian;Skopje;renamed from Macedonia in 2019; "Macedonia" is also a Greek region
NOR;Norway;Kingdom of Norway;Norwegian;Oslo;
OMN;Oman;Sultanate of Oman;Omani;Muscat;
PAK;Pakistan;Islamic Republic of Pakistan;Pakistani;Islamabad;
PLW;Palau;Republic of Palau;Palauan;Ngerulmud|Melekeok;
PAN;Panama;Republic of Panama;Panamanian;Panama City;
PNG;Papua New Guinea;PNG|Independent State of Papua New Guinea;Papua New Guinean;Port Moresby;
PRY;Paraguay;Republic of Paraguay;Paraguayan;Asuncion|Asunción;
PER;Peru;Republic of Peru;Peruvian;Lima;
PHL;Philippines;Republic of the Philippines;Filipino|Filipinos|Filipina|Filipinas|Philippine;Manila|Malacanang|Malacañang|Malacanang Palace|Malacañang Palace;
POL;Poland;Republic of Poland;Polish|Pole|Poles;Warsaw;"Polish"/"Poles" must be matched case-sensitively
PRT;Portugal;Portuguese Republic;Portuguese;Lisbon;
QAT;Qatar;State of Qatar;Qatari;Doha;
KOR;South Korea;Republic of Korea|ROK|R.O.K.|S. Korea|S.Korea|Korea;South Korean|South Koreans|Korean;Seoul|the Blue House|Cheong Wa Dae;bare "Korea"/"Korean" usually mean South Korea in news but can mean the peninsula
MDA;Moldova;Republic of Moldova|Moldavia;Moldovan;Chisinau|Chișinău|Chişinău|Kishinev;Transnistria is coded to MDA with sector PRE in PLOVER
ROU;Romania;;Romanian;Bucharest|Cotroceni Palace;
RUS;Russia;Russian Federation;Russian;Moscow|the Kremlin;
RWA;Rwanda;Republic of Rwanda;Rwandan|Rwandese;Kigali;
KNA;Saint Kitts and Nevis;St Kitts and Nevis|St. Kitts and Nevis|Federation of Saint Kitts and Nevis;Kittitian|Nevisian;Basseterre;
LCA;Saint Lucia;St Lucia|St. Lucia;Saint Lucian|St Lucian|St. Lucian;Castries;
VCT;Saint Vincent and the Grenadines;St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent|St. Vincent;Vincentian;Kingstown;
WSM;Samoa;Independent State of Samoa;Samoan;Apia;
SMR;San Marino;Republic of San Marino;Sammarinese;San Marino City;
STP;Sao Tome and Principe;São Tomé and Príncipe|Sao Tome & Principe;Santomean|São Toméan;São Tomé|Sao Tome;
SAU;Saudi Arabia;Kingdom of Saudi Arabia|KSA;Saudi|Saudi Arabian;Riyadh;
SEN;Senegal;Republic of Senegal;Senegalese;Dakar;
SRB;Serbia;Republic of Serbia;Serbian|Serb|Serbs;Belgrade;
SYC;Seychelles;Republic of Seychelles;Seychellois;Victoria;"Victoria" is ambiguous (Australian state, given name)
SLE;Sierra Leone;Republic of Sierra Leone;Sierra Leonean;Freetown;
SGP;Singapore;Republic of Singapore;Singaporean;Singapore|the Istana;
SVK;Slovakia;Slovak Republic;Slovak|Slovaks|Slovakian;Bratislava;
SVN;Slovenia;Republic of Slovenia;Slovenian|Slovene|Slovenes;Ljubljana;
SLB;Solomon Islands;Solomons;Solomon Islander|Solomon Islanders;Honiara;
SOM;Somalia;Federal Republic of Somalia;Somali;Mogadishu|Villa Somalia;Somaliland is coded to SOM with sector PRE in PLOVER
ZAF;South Africa;Republic of South Africa;South African;Pretoria|Cape Town|Bloemfontein|the Union Buildings;Pretoria (executive), Cape Town (legislative), Bloemfontein (judicial)
SSD;South Sudan;Republic of South Sudan;South Sudanese;Juba;independent since 2011-07-09
ESP;Spain;Kingdom of Spain;Spanish|Spaniard|Spaniards;Madrid|La Moncloa|Moncloa Palace;
LKA;Sri Lanka;Democratic Socialist Republic of Sri Lanka|Ceylon;Sri Lankan;Colombo|Sri Jayawardenepura Kotte;
SDN;Sudan;Republic of the Sudan|Republic of Sudan;Sudanese;Khartoum|Port Sudan;Port Sudan has been the army-backed government's wartime seat since 2023
SUR;Suriname;Republic of Suriname|Surinam;Surinamese;Paramaribo;
SWE;Sweden;Kingdom of Sweden;Swedish|Swede|Swedes;Stockholm|Rosenbad;
CHE;Switzerland;Swiss Confederation;Swiss;Bern|Berne;Geneva hosts many UN bodies
SYR;Syria;Syrian Arab Republic;Syrian;Damascus;
TJK;Tajikistan;Republic of Tajikistan;Tajik|Tajiks|Tajikistani;Dushanbe;
THA;Thailand;Kingdom of Thailand|Siam;Thai;Bangkok;
TLS;East Timor;Timor-Leste|Timor Leste;East Timorese|Timorese;Dili;
TGO;Togo;Togolese Republic;Togolese;Lome|Lomé;
TON;Tonga;Kingdom of Tonga;Tongan;Nuku'alofa|Nukuʻalofa;
TTO;Trinidad and Tobago;Trinidad|Trinidad & Tobago|Republic of Trinidad and Tobago;Trinidadian|Tobagonian|Trinbagonian;Port of Spain|Port-of-Spain;
TUN;Tunisia;Republic of Tunisia;Tunisian;Tunis|Carthage Palace;
TUR;Turkey;Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey;Turkish|Turk|Turks;Ankara;official English name changed to Türkiye in 2022; most news still writes Turkey; "turkey" (lower case) is a bird
TKM;Turkmenistan;;Turkmen|Turkmens|Turkmenistani;Ashgabat|Ashkhabad;
TUV;Tuvalu;;Tuvaluan;Funafuti;
UGA;Uganda;Republic of Uganda;Ugandan;Kampala;
UKR;Ukraine;;Ukrainian;Kyiv|Kiev|Bankova;Luhansk and Donetsk "People's Republics" are coded to UKR with sector PRE in PLOVER
ARE;United Arab Emirates;UAE|U.A.E.|the Emirates;Emirati;Abu Dhabi;
GBR;United Kingdom;UK|U.K.|Britain|Great Britain|Northern Ireland|England|Scotland|Wales|Ulster;British|Briton|Britons|Brit|Brits|Scottish|Welsh|Scots;London|Downing Street|Whitehall|Number 10|No 10|No. 10;
TZA;Tanzania;United Republic of Tanzania;Tanzanian;Dodoma|Dar es Salaam;
USA;United States;US|U.S.|USA|U.S.A.|America|United States of America;American;Washington|Washington, D.C.|Washington DC|Washington D.C.|the White House;"US" must be matched case-sensitively (pronoun "us"); "America" can mean the continent
URY;Uruguay;Oriental Republic of Uruguay;Uruguayan;Montevideo;
UZB;Uzbekistan;Republic of Uzbekistan;Uzbek|Uzbeks|Uzbekistani;Tashkent;
VUT;Vanuatu;Republic of Vanuatu;Ni-Vanuatu;Port Vila;
VEN;Venezuela;;Venezuelan;Caracas|Miraflores|Miraflores Palace;
VNM;Vietnam;Viet Nam|Socialist Republic of Vietnam;Vietnamese;Hanoi|Ha Noi;
YEM;Yemen;Republic of Yemen;Yemeni;Sanaa|Sana'a|Aden;Sanaa is held by the Houthis; the recognised government sits in Aden
ZMB;Zambia;Republic of Zambia;Zambian;Lusaka;
ZWE;Zimbabwe;Republic of Zimbabwe;Zimbabwean;Harare;
PSE;Palestine;State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Occupied Palestinian Territories|West Bank|Gaza Strip|Gaza;Palestinian;Ramallah;UN non-member observer state; the West Bank and Gaza are coded to PSE as in Phoenix/PLOVER
VAT;Holy See;Vatican|Vatican City|Vatican City State;;Vatican City;UN non-member observer state
XKX;Kosovo;Republic of Kosovo;Kosovar|Kosovars|Kosovan;Pristina|Prishtina|Priština;XKX is a user-assigned code (EU, IMF), not ISO 3166; PLOVER uses KOS; independence disputed by Serbia
TWN;Taiwan;Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa;Taiwanese;Taipei;not a UN member; claimed by the PRC
ESH;Western Sahara;Sahrawi Arab Democratic Republic|Sahrawi Republic|SADR;Sahrawi|Saharawi;Laayoune|El Aaiún|Tifariti;disputed; mostly controlled by Morocco; PLOVER codes it to MAR with sector PRE
HKG;Hong Kong;Hong Kong SAR|HKSAR;Hong Konger|Hong Kongers|Hongkonger|Hongkongers;;special administrative region of China; PLOVER keeps it separate
MAC;Macau;Macao|Macao SAR|Macau SAR;Macanese;;special administrative region of China
PRI;Puerto Rico;Commonwealth of Puerto Rico;Puerto Rican;San Juan;US territory
GRL;Greenland;Kalaallit Nunaat;Greenlandic|Greenlander|Greenlanders;Nuuk;autonomous territory of Denmark
FRO;Faroe Islands;Faroes|Faeroe Islands;Faroese;Torshavn|Tórshavn;autonomous territory of Denmark
GUM;Guam;;Guamanian;Hagatna|Hagåtña;US territory
ASM;American Samoa;;American Samoan;Pago Pago;US territory
VIR;U.S. Virgin Islands;US Virgin Islands|United States Virgin Islands|USVI;;Charlotte Amalie;US territory
MNP;Northern Mariana Islands;Northern Marianas|CNMI;;Saipan;US territory
NCL;New Caledonia;Kanaky;New Caledonian;Noumea|Nouméa;French territory
PYF;French Polynesia;Tahiti;French Polynesian|Tahitian;Papeete;French territory
REU;Réunion;Reunion|La Réunion;Reunionese|Réunionese;Saint-Denis;French overseas department
GUF;French Guiana;Guyane;French Guianese;Cayenne;French overseas department
GLP;Guadeloupe;;Guadeloupean;Basse-Terre;French overseas department
MTQ;Martinique;;Martinican;Fort-de-France;French overseas department
MYT;Mayotte;;Mahoran;Mamoudzou;French overseas department
ABW;Aruba;;Aruban;Oranjestad;country within the Kingdom of the Netherlands
CUW;Curaçao;Curacao;Curaçaoan|Curacaoan;Willemstad;country within the Kingdom of the Netherlands
BMU;Bermuda;;Bermudian|Bermudan;;British overseas territory
CYM;Cayman Islands;Caymans;Caymanian;George Town;British overseas territory
VGB;British Virgin Islands;BVI;;Road Town;British overseas territory
GIB;Gibraltar;;Gibraltarian;;British overseas territory
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas;Falkland Islander|Falkland Islanders|Falklander|Falklanders;Stanley|Port Stanley;British overseas territory claimed by Argentina
TCA;Turks and Caicos Islands;Turks and Caicos;Turks and Caicos Islander;Cockburn Town;British overseas territory; match before the demonym "Turks"
IOT;British Indian Ocean Territory;Chagos Islands|Chagos Archipelago|Chagos|Diego Garcia;Chagossian;;UK agreed in 2025 to transfer sovereignty to Mauritius, keeping the Diego Garcia base
IMN;Isle of Man;;Manx;Douglas;British Crown dependency
COK;Cook Islands;;Cook Islander|Cook Islanders;Avarua;in free association with New Zealand
NIU;Niue;;Niuean;Alofi;in free association with New Zealand
"""

# Phoenix entries (by head name) that carry a country code but are not the
# country itself (regions, former states, fictitious test entries).
PHOENIX_SKIP_ENTRIES = {
    "MAYOTTE_", "TRANSNISTRIA", "IRAQI_KURDISTAN", "LEIPZIG_", "SAINT_BARTHELEMY_",
    "KINAKUTA_", "GERMAN_DEMOCRATIC_REPUBLIC", "CZECHOSLOVAKIA", "SOVIET_UNION",
    "RUSSIAN_SFSR", "SERBIA_AND_MONTENEGRO",
}
# Phoenix codes that differ from ours.
PHOENIX_CODE_MAP = {"KSV": "XKX", "TMP": "TLS"}

# Phoenix's country entries list, besides real English names, hundreds of
# misspellings, foreign-language names, cities, provinces, rivers and
# nicknames (CHINA_ has 170 aliases).  Taking them wholesale would make the
# matcher fire on "New Jersey", "San Diego" or "Sadr City".  Every Phoenix
# alias was therefore reviewed (run with --phoenix-candidates to see them);
# the ones below are the English news forms that the curated table lacked.
# The script checks that each one really is in the Phoenix file.
PHOENIX_ACCEPT = {
    "GEO": [("names", "Republic of Georgia")],
    "JOR": [("names", "Kingdom of Jordan")],
    "KNA": [("names", "Saint Kitts"), ("names", "St Kitts"), ("names", "St. Kitts")],
    "VCT": [("names", "Saint Vincent")],
    "PRK": [("names", "DPR Korea")],
    "KOR": [("demonyms", "S. Korean")],
}
def unaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def key(s: str) -> str:
    """Comparison key: unaccented, case-folded, punctuation-insensitive."""
    s = unaccent(s).casefold().replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def uniq(items):
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def strip_the(name: str) -> str:
    return re.sub(r"^(the|The)\s+", "", name).strip()


def pycountry_names(c) -> list[str]:
    """English names from pycountry, with 'Korea, Republic of' turned round."""
    out = []
    for attr in ("name", "official_name", "common_name"):
        n = getattr(c, attr, None)
        if not n:
            continue
        n = n.strip()
        m = re.match(r"^(.*?),\s*(.*)$", n)
        if m:
            head, tail = m.groups()
            if re.search(r"\bof( the)?$", tail, re.I):
                n = f"{tail} {head}"
            elif tail in ("British", "U.S."):
                n = f"{tail} {head}"
            else:
                continue  # e.g. "Taiwan, Province of China": not a news form
        m = re.match(r"^(.*?)\s*\((.*)\)$", n)
        if m:
            out += [strip_the(m.group(1)), strip_the(m.group(2))]
            continue
        out.append(strip_the(n))
    return out


# demonyms that take no "-s" plural although they end in -an / -i
NO_PLURAL = {"I-Kiribati"}
# accent-stripped variants that would collide with ordinary English words
NO_UNACCENTED = {"Male"}
# pycountry names that belong, in news use, to another row
PYCOUNTRY_DROP = {("COG", "Congo")}


def pluralise(demonyms: list[str]) -> list[str]:
    out = []
    for d in demonyms:
        out.append(d)
        low = d.lower()
        if low.endswith(("hman", "sman", "woman")) or d in NO_PLURAL:
            continue
        if low.endswith("an") or low.endswith("i"):
            out.append(d + "s")
    return uniq(out)


def parse_phoenix(path: Path):
    """Yield (head, aliases, codes) for every entry of a TABARI .actors file."""
    entries, cur = [], None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            s = raw.rstrip("\n").split("#", 1)[0].rstrip()
            if not s.strip():
                continue
            if s.startswith("+"):
                if cur is not None:
                    cur[1].append(s[1:].strip())
            elif s[0] in " \t[":
                if cur is not None:
                    cur[2].extend(re.findall(r"\[([^\]]*)\]", s))
            else:
                m = re.match(r"^(\S+)\s*(.*)$", s)
                cur = (m.group(1), [], re.findall(r"\[([^\]]*)\]", m.group(2)))
                entries.append(cur)
    return entries


def phoenix_country_entries(path: Path):
    """{ISO3: [raw aliases]} for the country-level entries of the Phoenix file."""
    out: dict[str, list[str]] = {}
    for head, aliases, codes in parse_phoenix(path):
        if head in PHOENIX_SKIP_ENTRIES:
            continue
        current = None
        for c in codes:
            m = re.fullmatch(r"([A-Z]{3})(?:\s+>\s*\d+)?", c.strip())
            if m:
                current = m.group(1)
        if not current:
            continue
        current = PHOENIX_CODE_MAP.get(current, current)
        out.setdefault(current, []).extend([head] + aliases)
    return out


def phoenix_text(raw: str) -> str:
    """'PEOPLE'S_REPUBLIC_OF_CHINA_' -> "PEOPLE'S REPUBLIC OF CHINA"."""
    s = raw.replace("_", " ").replace("\ufffd", "'")
    return re.sub(r"\s+", " ", s).strip()


def build(phoenix_path: Path | None, out_path: Path, candidates: bool = False) -> int:
    rows = {}
    order = []
    for line in CURATED.strip().splitlines():
        if not line.strip():
            continue
        parts = line.split(";", 5)
        if len(parts) != 6:
            raise SystemExit(f"bad curated line: {line!r}")
        code = parts[0].strip()
        if code in rows:
            raise SystemExit(f"duplicate curated code {code}")
        rows[code] = {
            "code": code,
            "name": parts[1].strip(),
            "names": split(parts[2]),
            "demonyms": split(parts[3]),
            "capitals": split(parts[4]),
            "note": parts[5].strip(),
        }
        order.append(code)

    missing_un = [c for c in UN_MEMBERS if c not in rows]
    if len(set(UN_MEMBERS)) != 193:
        raise SystemExit(f"UN member list has {len(set(UN_MEMBERS))} codes, expected 193")
    if missing_un:
        raise SystemExit(f"UN members missing from curated table: {missing_un}")

    # pycountry names (official and short names)
    for code, row in rows.items():
        c = pycountry.countries.get(alpha_3=code)
        if c is None:
            if code != "XKX":
                raise SystemExit(f"{code} is not in pycountry")
            continue
        extra = [n for n in pycountry_names(c) if (code, n) not in PYCOUNTRY_DROP]
        row["names"] = uniq(row["names"] + extra)

    # Phoenix: reviewed additions, and a cross-check of the curated forms
    confirmed = 0
    total_forms = 0
    if phoenix_path is not None:
        ph = phoenix_country_entries(phoenix_path)
        ph_keys = {code: {key(phoenix_text(r)) for r in raws} for code, raws in ph.items()}
        for code, forms in PHOENIX_ACCEPT.items():
            for field, form in forms:
                if key(form) not in ph_keys.get(code, set()):
                    raise SystemExit(f"PHOENIX_ACCEPT {code} {form!r} is not in the Phoenix file")
                rows[code][field] = uniq(rows[code][field] + [form])
        for code, row in rows.items():
            for v in [row["name"]] + row["names"] + row["demonyms"]:
                total_forms += 1
                if key(v) in ph_keys.get(code, set()):
                    confirmed += 1
        if candidates:
            for code, raws in sorted(ph.items()):
                if code not in rows:
                    continue
                row = rows[code]
                known = {key(x) for x in [row["name"]] + row["names"] + row["demonyms"] + row["capitals"]}
                rest = uniq(phoenix_text(r) for r in raws if key(phoenix_text(r)) not in known)
                print(code, " | ".join(rest))

    # unaccented variants of names and capitals, plurals of demonyms
    for row in rows.values():
        row["demonyms"] = pluralise(row["demonyms"])
        for field in ("names", "capitals", "demonyms"):
            vals = list(row[field])
            for v in list(vals):
                u = unaccent(v)
                if u != v and u not in NO_UNACCENTED:
                    vals.append(u)
            row[field] = uniq(vals)
        row["names"] = [n for n in row["names"] if n != row["name"]]

    # checks
    problems = []
    for code in UN_MEMBERS:
        if not rows[code]["demonyms"]:
            problems.append(f"{code}: no demonym")
        if not rows[code]["capitals"]:
            problems.append(f"{code}: no capital")
    if problems:
        raise SystemExit("\n".join(problems))

    # report strings that point to more than one country
    owners: dict[str, set] = {}
    for code, row in rows.items():
        for field in ("name", "names", "demonyms", "capitals"):
            vals = [row[field]] if field == "name" else row[field]
            for v in vals:
                owners.setdefault(v, set()).add(code)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}

    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="") as fh:
        fh.write("# countries.csv: countries and territories with the names, demonyms, capitals and seats\n")
        fh.write("# of power by which English news refers to them. Multi-valued fields are separated by '|'.\n")
        fh.write("# code: ISO 3166-1 alpha-3 (XKX for Kosovo is a user-assigned code, not ISO 3166).\n")
        fh.write("# Names omit a leading 'the'; seats of power keep it where news uses it ('the Kremlin').\n")
        fh.write("# Matching must be case-sensitive for short forms such as US, CAR, ROK, Poles, Polish.\n")
        fh.write("# sources: ISO 3166 via pycountry 26.2.16 (LGPL data); Phoenix.Countries.actors.txt (MIT,\n")
        fh.write("#   Copyright (c) 2014 Open Event Data Alliance); curated by communique.\n")
        fh.write("# licence: this file is distributed with communique; the Phoenix-derived parts remain under\n")
        fh.write("#   the MIT licence of the Open Event Data Alliance.\n")
        fh.write("# generated by scripts/build_countries.py: edit the script, not this file.\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "names", "demonyms", "capitals", "note"])
        for code in order:
            r = rows[code]
            w.writerow([code, r["name"], "|".join(r["names"]), "|".join(r["demonyms"]),
                        "|".join(r["capitals"]), r["note"]])

    n_un = sum(1 for c in order if c in UN_MEMBERS)
    print(f"wrote {out_path}: {len(order)} rows ({n_un} UN members, {len(order) - n_un} others)")
    if phoenix_path is not None:
        print(f"Phoenix cross-check: {confirmed} of {total_forms} names/demonyms also appear in Phoenix")
    if "-v" in sys.argv:
        print("strings shared by several countries:")
        for k, v in sorted(shared.items()):
            print(f"   {k!r}: {v}")
    else:
        print(f"{len(shared)} strings are shared by several countries (run with -v to list)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    ap.add_argument("--no-phoenix", action="store_true")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-v", action="store_true", help="list strings shared by several countries")
    ap.add_argument("--phoenix-candidates", action="store_true",
                    help="print the Phoenix aliases not yet in the table, for review")
    a = ap.parse_args()
    return build(None if a.no_phoenix else a.phoenix, a.out, a.phoenix_candidates)


if __name__ == "__main__":
    sys.exit(main())
