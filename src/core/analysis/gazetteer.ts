import { LEX_COMMON, LEX_DEMONYMS, LEX_FEMALE, LEX_FIRST, LEX_LAST, LEX_ORGS, LEX_PERSONNOUNS, LEX_PERSONS, LEX_PLACES } from './lexicon';

/**
 * Gazetteers for English news. The tables in this file are hand-written for this project (MIT like
 * the rest of the repository); ./lexicon.ts adds words derived from the lexicon of the `compromise`
 * package (MIT; regenerate with test/eval/build-lexicon.ts). Keys are lower-case. Kept as string
 * tables; the sets and maps are built once per Gazetteer instance (no module-level mutable state).
 */

/** Countries and territories: "alias|alias|...=Canonical name". The canonical name is the fullest. */
const COUNTRIES = `
afghanistan=Afghanistan;albania=Albania;algeria=Algeria;andorra=Andorra;angola=Angola;argentina=Argentina;armenia=Armenia;
australia=Australia;austria=Austria;azerbaijan=Azerbaijan;bahamas=Bahamas;bahrain=Bahrain;bangladesh=Bangladesh;barbados=Barbados;
belarus=Belarus;belgium=Belgium;belize=Belize;benin=Benin;bhutan=Bhutan;bolivia=Bolivia;bosnia|bosnia and herzegovina=Bosnia and Herzegovina;
botswana=Botswana;brazil=Brazil;brunei=Brunei;bulgaria=Bulgaria;burkina faso=Burkina Faso;burundi=Burundi;cambodia=Cambodia;cameroon=Cameroon;
canada=Canada;cape verde=Cape Verde;chad=Chad;chile=Chile;china|prc|people's republic of china=China;colombia=Colombia;congo=Congo;
costa rica=Costa Rica;croatia=Croatia;cuba=Cuba;cyprus=Cyprus;czech republic|czechia=Czech Republic;denmark=Denmark;djibouti=Djibouti;
dominican republic=Dominican Republic;ecuador=Ecuador;egypt=Egypt;el salvador=El Salvador;eritrea=Eritrea;estonia=Estonia;ethiopia=Ethiopia;
fiji=Fiji;finland=Finland;france=France;gabon=Gabon;gambia=Gambia;georgia=Georgia;germany=Germany;ghana=Ghana;greece=Greece;
guatemala=Guatemala;guinea=Guinea;guyana=Guyana;haiti=Haiti;honduras=Honduras;hong kong=Hong Kong;hungary=Hungary;iceland=Iceland;
india=India;indonesia=Indonesia;iran=Iran;iraq=Iraq;ireland=Ireland;israel=Israel;italy=Italy;ivory coast=Ivory Coast;jamaica=Jamaica;
japan=Japan;jordan=Jordan;kazakhstan=Kazakhstan;kenya=Kenya;kosovo=Kosovo;kuwait=Kuwait;kyrgyzstan=Kyrgyzstan;laos=Laos;latvia=Latvia;
lebanon=Lebanon;lesotho=Lesotho;liberia=Liberia;libya=Libya;liechtenstein=Liechtenstein;lithuania=Lithuania;luxembourg=Luxembourg;
madagascar=Madagascar;malawi=Malawi;malaysia=Malaysia;maldives=Maldives;mali=Mali;malta=Malta;mauritania=Mauritania;mauritius=Mauritius;
mexico=Mexico;moldova=Moldova;monaco=Monaco;mongolia=Mongolia;montenegro=Montenegro;morocco=Morocco;mozambique=Mozambique;
myanmar|burma=Myanmar;namibia=Namibia;nepal=Nepal;netherlands|holland=Netherlands;new zealand=New Zealand;nicaragua=Nicaragua;niger=Niger;
nigeria=Nigeria;north korea|dprk=North Korea;north macedonia|macedonia=North Macedonia;norway=Norway;oman=Oman;pakistan=Pakistan;
palestine=Palestine;panama=Panama;papua new guinea=Papua New Guinea;paraguay=Paraguay;peru=Peru;philippines=Philippines;poland=Poland;
portugal=Portugal;qatar=Qatar;romania=Romania;russia|russian federation=Russia;rwanda=Rwanda;saudi arabia=Saudi Arabia;senegal=Senegal;
serbia=Serbia;sierra leone=Sierra Leone;singapore=Singapore;slovakia=Slovakia;slovenia=Slovenia;somalia=Somalia;south africa=South Africa;
south korea|republic of korea|korea republic|korea=South Korea;south sudan=South Sudan;spain=Spain;sri lanka=Sri Lanka;sudan=Sudan;suriname=Suriname;
sweden=Sweden;switzerland=Switzerland;syria=Syria;taiwan=Taiwan;tajikistan=Tajikistan;tanzania=Tanzania;thailand=Thailand;tibet=Tibet;
togo=Togo;trinidad and tobago=Trinidad and Tobago;tunisia=Tunisia;turkey|turkiye=Turkey;turkmenistan=Turkmenistan;uganda=Uganda;
ukraine=Ukraine;united arab emirates|uae=United Arab Emirates;united kingdom|uk|u.k.|britain|great britain=United Kingdom;
united states|united states of america|us|u.s.|u. s.|usa|u.s.a.|america=United States;uruguay=Uruguay;uzbekistan=Uzbekistan;
venezuela=Venezuela;vietnam=Vietnam;yemen=Yemen;zambia=Zambia;zimbabwe=Zimbabwe;england=England;scotland=Scotland;wales=Wales;
northern ireland=Northern Ireland;greenland=Greenland;puerto rico=Puerto Rico;crimea=Crimea;chechnya=Chechnya;gaza|gaza strip=Gaza;
west bank=West Bank;kashmir=Kashmir;catalonia=Catalonia;quebec=Quebec;ontario=Ontario;british columbia=British Columbia;alberta=Alberta;
siberia=Siberia;bavaria=Bavaria;vatican|vatican city=Vatican City;soviet union|ussr=Soviet Union;east germany=East Germany`;

/** Regions, continents, US states, cities, geographic features, well-known facilities. */
const PLACES = `
europe;asia;africa;antarctica;north america;south america;latin america;central america;oceania;middle east;near east;far east;
eastern europe;western europe;southeast asia;south asia;central asia;east asia;scandinavia;the balkans;balkans;caribbean;
arctic;sahara;mediterranean;pacific;atlantic;pacific ocean;atlantic ocean;indian ocean;persian gulf;gulf;red sea;black sea;
baltic;korean peninsula;sinai;himalayas;alps;amazon;nile;danube;rhine;thames;mississippi;
alabama;alaska;arizona;arkansas;california;colorado;connecticut;delaware;florida;hawaii;idaho;illinois;indiana;iowa;kansas;
kentucky;louisiana;maine;maryland;massachusetts;michigan;minnesota;missouri;montana;nebraska;nevada;new hampshire;new jersey;
new mexico;new york;north carolina;north dakota;ohio;oklahoma;oregon;pennsylvania;rhode island;south carolina;south dakota;
tennessee;texas;utah;vermont;virginia;west virginia;wisconsin;wyoming;washington;washington dc;washington d.c.;district of columbia;
new york city;los angeles;chicago;houston;phoenix;philadelphia;san antonio;san diego;dallas;san francisco;seattle;boston;detroit;
miami;atlanta;denver;las vegas;baltimore;new orleans;cleveland;pittsburgh;st. louis;minneapolis;portland;sacramento;orlando;
austin;nashville;memphis;charlotte;honolulu;anchorage;manhattan;brooklyn;queens;bronx;harlem;hollywood;silicon valley;
wall street;capitol hill;pentagon;the pentagon;guantanamo;guantanamo bay;cape canaveral;
london;paris;berlin;moscow;madrid;rome;milan;vienna;prague;warsaw;budapest;athens;lisbon;dublin;edinburgh;glasgow;manchester;
liverpool;birmingham;brussels;amsterdam;rotterdam;the hague;geneva;zurich;bern;stockholm;oslo;copenhagen;helsinki;kiev;kyiv;
minsk;riga;tallinn;vilnius;bucharest;sofia;belgrade;zagreb;sarajevo;istanbul;ankara;hamburg;munich;frankfurt;cologne;bonn;
st petersburg;st. petersburg;saint petersburg;strasbourg;marseille;lyon;nice;barcelona;naples;venice;florence;
beijing;shanghai;hong kong;shenzhen;guangzhou;wuhan;tokyo;osaka;kyoto;hiroshima;fukushima;seoul;pyongyang;taipei;manila;
bangkok;hanoi;saigon;ho chi minh city;jakarta;kuala lumpur;new delhi;delhi;mumbai;bombay;kolkata;chennai;bangalore;karachi;
lahore;islamabad;kabul;kandahar;tehran;baghdad;damascus;aleppo;beirut;jerusalem;tel aviv;amman;riyadh;mecca;medina;dubai;
abu dhabi;doha;cairo;alexandria;tripoli;benghazi;tunis;algiers;rabat;casablanca;lagos;abuja;nairobi;addis ababa;mogadishu;
khartoum;johannesburg;cape town;pretoria;harare;kinshasa;accra;dakar;sydney;melbourne;brisbane;perth;adelaide;canberra;
auckland;wellington;toronto;montreal;vancouver;ottawa;calgary;mexico city;havana;bogota;caracas;lima;santiago;buenos aires;
rio de janeiro;rio;sao paulo;brasilia;quito;la paz;montevideo;panama city;kathmandu;dhaka;colombo;yangon;ulan bator;astana;
tashkent;baku;tbilisi;yerevan;sochi;vladivostok;donetsk;luhansk;sevastopol;mosul;fallujah;raqqa;homs;idlib;gaza city;ramallah;
hebron;west point;white house;oval office;downing street;the kremlin;red square;tiananmen square;times square;ground zero;
heathrow;jfk;lax;buckingham palace;elysee palace;camp david;mar-a-lago;trump tower;capitol;the capitol;
daughters of the american revolution constitution hall;constitution hall;kennedy space center;johnson space center;
gulf of mexico;gulf coast;la;l.a.;socal;west coast;east coast;midwest;new england;bay area;south florida;northern california;southern california;
new south wales;victoria;queensland;south australia;western australia;tasmania;northern territory;australian capital territory;
nova scotia;new brunswick;manitoba;saskatchewan;newfoundland;prince edward island;yukon;nunavut;northwest territories;
lombardy;piedmont;liguria;veneto;tuscany;umbria;lazio;campania;apulia;calabria;sicily;sardinia;emilia-romagna;abruzzo;
bavaria;saxony;hesse;brandenburg;andalusia;galicia;flanders;wallonia;normandy;brittany;provence`;

/**
 * Names that are none of PERSON, ORG, LOC, NORP (CoNLL's MISC): products, software, games, works,
 * laws, events. Recognised so that their words are not typed as people or organisations
 * ("Internet Explorer", "Star Wars"); not output yet (the editor has no type for them).
 */
const MISC = `
internet explorer;ie;firefox;mozilla firefox;chrome;google chrome;safari;microsoft edge;windows;windows xp;windows vista;
android;ios;macos;mac os x;linux;ubuntu;iphone;ipad;ipod;macbook;kindle;playstation;playstation vr;xbox;xbox one;nintendo switch;wii;
html;html5;css;javascript;photoshop;microsoft office;microsoft word;powerpoint;skype;tiktok;snapchat;
bitcoin;ethereum;chatgpt;gmail;google maps;google search;google earth;street view;
star wars;star trek;doctor who;harry potter;game of thrones;the simpsons;counter-strike;minecraft;fortnite;pokemon;pokémon;
world of warcraft;league of legends;call of duty;grand theft auto;super mario;
world cup;olympics;olympic games;paralympics;super bowl;grand prix;tour de france;wimbledon;eurovision;
ramadan;christmas;easter;hanukkah;diwali;thanksgiving;passover;labour day;labor day;
world war i;world war ii;cold war;holocaust;brexit;man of the match`;

/** Last words of event and law names ("Google Science Fair", "Clean Air Act"): the whole name is MISC. */
const MISC_HEADS = `festival;fair;expo;exposition;championship;championships;olympics;olympiad;cup;tournament;marathon;awards;award;
prize;summit;war;act;treaty;accord;accords;series;open;prix;protocol;games`;

/** Nationalities, religious and political groups: "form|form=Country" (country may be empty). */
const NORP = `
american|americans=United States;russian|russians=Russia;german|germans=Germany;french|frenchman|frenchmen=France;british|briton|britons|brit|brits=United Kingdom;
english=England;scottish|scots=Scotland;welsh=Wales;irish=Ireland;chinese=China;japanese=Japan;korean|koreans=;north korean|north koreans=North Korea;
south korean|south koreans=South Korea;indian|indians=India;pakistani|pakistanis=Pakistan;afghan|afghans|afghani=Afghanistan;iranian|iranians=Iran;
iraqi|iraqis=Iraq;syrian|syrians=Syria;israeli|israelis=Israel;palestinian|palestinians=Palestine;lebanese=Lebanon;jordanian|jordanians=Jordan;
saudi|saudis=Saudi Arabia;egyptian|egyptians=Egypt;libyan|libyans=Libya;turkish|turks=Turkey;kurdish|kurds|kurd=;greek|greeks=Greece;
italian|italians=Italy;spanish|spaniard|spaniards=Spain;portuguese=Portugal;dutch=Netherlands;belgian|belgians=Belgium;swiss=Switzerland;
austrian|austrians=Austria;swedish|swede|swedes=Sweden;norwegian|norwegians=Norway;danish|dane|danes=Denmark;finnish|finn|finns=Finland;
polish|pole|poles=Poland;czech|czechs=Czech Republic;hungarian|hungarians=Hungary;romanian|romanians=Romania;bulgarian|bulgarians=Bulgaria;
serbian|serb|serbs=Serbia;croatian|croat|croats=Croatia;bosnian|bosnians=Bosnia and Herzegovina;albanian|albanians=Albania;ukrainian|ukrainians=Ukraine;
belarusian|belarusians=Belarus;georgian|georgians=Georgia;armenian|armenians=Armenia;azerbaijani|azeris=Azerbaijan;kazakh|kazakhs=Kazakhstan;
uzbek|uzbeks=Uzbekistan;mexican|mexicans=Mexico;canadian|canadians=Canada;brazilian|brazilians=Brazil;argentine|argentinian|argentinians=Argentina;
chilean|chileans=Chile;colombian|colombians=Colombia;venezuelan|venezuelans=Venezuela;peruvian|peruvians=Peru;cuban|cubans=Cuba;
australian|australians=Australia;new zealander|new zealanders=New Zealand;nigerian|nigerians=Nigeria;kenyan|kenyans=Kenya;ethiopian|ethiopians=Ethiopia;
somali|somalis=Somalia;sudanese=Sudan;south african|south africans=South Africa;ghanaian|ghanaians=Ghana;moroccan|moroccans=Morocco;
algerian|algerians=Algeria;tunisian|tunisians=Tunisia;vietnamese=Vietnam;thai|thais=Thailand;filipino|filipinos=Philippines;indonesian|indonesians=Indonesia;
malaysian|malaysians=Malaysia;singaporean|singaporeans=Singapore;taiwanese=Taiwan;tibetan|tibetans=Tibet;mongolian|mongolians=Mongolia;
nepalese|nepali=Nepal;bangladeshi|bangladeshis=Bangladesh;sri lankan|sri lankans=Sri Lanka;burmese=Myanmar;cambodian|cambodians=Cambodia;
european|europeans=;asian|asians=;african|africans=;african american|african americans=;latino|latinos|latina|hispanic|hispanics=;arab|arabs|arabic=;
western|westerners=;soviet|soviets=Soviet Union;yemeni|yemenis=Yemen;qatari|qataris=Qatar;emirati|emiratis=United Arab Emirates;
icelandic|icelanders=Iceland;estonian|estonians=Estonia;latvian|latvians=Latvia;lithuanian|lithuanians=Lithuania;slovak|slovaks=Slovakia;
slovenian|slovenians=Slovenia;chechen|chechens=Chechnya;catalan|catalans=Catalonia;bavarian=Bavaria;texan|texans=Texas;californian|californians=California;
new yorker|new yorkers=New York;londoner|londoners=London;muscovite|muscovites=Moscow;parisian|parisians=Paris;
muslim|muslims|moslem=;christian|christians=;catholic|catholics|roman catholic|roman catholics=;protestant|protestants=;jewish|jew|jews=;
hindu|hindus=;buddhist|buddhists=;sikh|sikhs=;sunni|sunnis=;shia|shiite|shiites|shias=;evangelical|evangelicals=;mormon|mormons=;
orthodox=;islamic=;islamist|islamists=;anglican|anglicans=;baptist|baptists=;lutheran|lutherans=;
republican|republicans=;democrat|democrats|democratic=;conservative|conservatives=;liberal democrats|lib dems=;tory|tories=;
socialist|socialists=;communist|communists=;green|greens=;libertarian|libertarians=;nazi|nazis=;taliban=;`;

/** Words that end or form organisation names. */
const ORG_WORDS = `
inc;inc.;corp;corp.;corporation;co;co.;company;companies;ltd;ltd.;llc;plc;gmbh;ag;sa;group;holdings;bank;banks;airlines;airways;
motors;industries;technologies;systems;labs;laboratories;pharmaceuticals;partners;associates;ventures;capital;fund;foundation;
institute;institution;university;college;school;academy;hospital;clinic;church;party;union;league;federation;
association;society;council;committee;commission;congress;parliament;senate;assembly;court;ministry;department;agency;bureau;
conference;municipality;legion;division;regiment;battalion;squadron;instituto;istituto;universidad;università;
office;administration;authority;service;services;board;organization;organisation;network;news;times;post;journal;herald;tribune;
gazette;telegraph;guardian;observer;review;magazine;press;media;broadcasting;television;radio;channel;club;team;fc;army;navy;
force;forces;corps;police;guard;brigade;front;movement;alliance;coalition;network;center;centre;council;trust;exchange;reserve;
nations;alliance;secretariat;cabinet;republic's;bundestag;duma;knesset;kremlin;vatican;nasa;fbi;cia;nsa;eu;un;nato;who;imf;opec;newsroom`;

/** Acronyms and names that are organisations (lower-case). */
const ORGS = `
cnn;bbc;nbc;abc;cbs;fox;fox news;msnbc;npr;pbs;reuters;associated press;ap;afp;bloomberg;al jazeera;new york times;washington post;
wall street journal;the times;times;guardian;bild;der spiegel;le monde;tass;ria novosti;xinhua;interfax;wikinews;wikipedia;twitter;facebook;
google;apple;microsoft;amazon;ibm;intel;samsung;sony;toyota;ford;general motors;boeing;airbus;tesla;uber;netflix;youtube;instagram;
whatsapp;linkedin;yahoo;oracle;huawei;alibaba;tencent;gazprom;rosneft;exxon;exxonmobil;shell;bp;walmart;coca-cola;pepsi;mcdonald's;
nasa;fbi;cia;nsa;dhs;doj;epa;fda;cdc;nih;irs;sec;fcc;faa;nsc;gop;nato;un;eu;who;wto;imf;opec;unesco;unicef;unhcr;interpol;isis;isil;
al qaeda;al-qaeda;hamas;hezbollah;taliban;boko haram;kremlin;white house;pentagon;congress;senate;house;supreme court;state department;
european union;united nations;european commission;european parliament;security council;red cross;amnesty international;human rights watch;
greenpeace;globe and mail;fifa;uefa;ioc;nba;nfl;mlb;nhl;tpp;g20;g7;g8;asean;african union;arab league;brics;labour;labour party;conservative party;
democratic party;republican party;bundestag;duma;knesset;politburo;mi5;mi6;kgb;fsb;gru;mossad;scotland yard;nhs;oxfam;sony pictures;
first;spacex;blue origin;esa;jaxa;roscosmos;iaea;opcw;icc;wada;bundesbank;federal reserve;fed;ecb;world bank`;

/** Titles and role nouns that precede a name (lower-case words). Multi-word titles are sequences of these. */
const TITLES = `
president;pres;pres.;vice-president;vice;chancellor;premier;minister;secretary;senator;sen.;representative;rep.;congressman;congresswoman;
governor;gov.;mayor;king;queen;prince;princess;emperor;empress;pope;cardinal;archbishop;bishop;rabbi;imam;ayatollah;sheikh;
mr;mr.;mrs;mrs.;ms;ms.;miss;dr;dr.;prof;prof.;professor;sir;dame;lord;lady;general;gen.;colonel;col.;major;maj.;captain;capt.;
lieutenant;lt.;sergeant;sgt.;admiral;adm.;commander;cmdr.;marshal;chief;judge;justice;attorney;ambassador;envoy;commissioner;
spokesman;spokeswoman;spokesperson;chairman;chairwoman;chair;ceo;cfo;coo;director;adviser;advisor;counselor;counsellor;strategist;
officer;leader;speaker;whip;deputy;acting;former;foreign;defense;defence;interior;justice;finance;treasury;trade;health;education;
energy;labor;state;homeland;security;national;press;senior;executive;general;prime;first;lady;crown;grand;supreme;chief;
lawmaker;legislator;shadow;home;candidate;nominee;coach;manager;captain;father;brother;sister;reverend;rev.;pastor;saint;st.;
agent;inspector;detective;officer;superintendent;constable;sheriff;prosecutor;solicitor;barrister;comptroller;auditor;
astronaut;administrator;president-elect;secretary-general;secretary-of-state;undersecretary;under;assistant;associate;
correspondent;reporter;editor;anchor;columnist;founder;co-founder;owner;head;boss;dictator;warlord;commander-in-chief;chief-of-staff;of;staff`;

/** Title words that really are titles (not just modifiers); a role needs one of these. */
const TITLE_HEADS = `
president;pres;pres.;vice-president;chancellor;premier;minister;secretary;senator;sen.;representative;rep.;congressman;congresswoman;governor;gov.;
mayor;king;queen;prince;princess;emperor;empress;pope;cardinal;archbishop;bishop;rabbi;imam;ayatollah;sheikh;mr;mr.;mrs;mrs.;ms;ms.;
miss;dr;dr.;prof;prof.;professor;general;gen.;colonel;col.;major;maj.;captain;capt.;lieutenant;lt.;sergeant;sgt.;admiral;adm.;
commander;marshal;chief;judge;justice;attorney;ambassador;envoy;commissioner;spokesman;spokeswoman;spokesperson;chairman;chairwoman;
ceo;cfo;director;adviser;advisor;counselor;counsellor;strategist;leader;speaker;lawmaker;candidate;nominee;coach;manager;reverend;rev.;
pastor;agent;inspector;detective;sheriff;prosecutor;administrator;president-elect;secretary-general;undersecretary;correspondent;
reporter;editor;anchor;columnist;founder;co-founder;head;dictator;chief-of-staff;predecessor;successor;official;officials;
lady;sir;dame;lord`;

/** Common given names (hand-picked, international; lower-case). */
const FIRST_NAMES = `
aaron;abdul;abdullah;abe;abigail;abraham;adam;adrian;ahmad;ahmed;aisha;alan;albert;alberto;alejandro;aleksandr;aleksei;aleksey;alex;
alexander;alexandra;alexei;alexey;alfred;ali;alice;alicia;alison;allan;allen;amanda;amber;amy;ana;anders;andre;andrea;andreas;andrei;
andrew;andrey;andy;angela;angelina;angus;anita;ann;anna;anne;annie;anthony;anton;antonio;arnold;arthur;ashley;ashraf;audrey;barack;
barbara;barry;ben;benjamin;benny;bernard;bernie;beth;betty;bill;billy;bob;bobby;boris;brad;bradley;brandon;brenda;brett;brian;bruce;
bryan;carl;carla;carlos;carmen;carol;caroline;carolyn;catherine;cathy;charles;charlie;charlotte;chen;cheryl;chris;christian;christina;
christine;christopher;chuck;cindy;claire;clara;claude;claudia;colin;connie;craig;cristina;cynthia;dale;dan;daniel;danielle;danny;
dave;david;dean;deborah;debra;denis;dennis;derek;diana;diane;dick;dmitri;dmitry;dominic;don;donald;donna;doris;dorothy;doug;douglas;
duncan;dylan;ed;eddie;edward;elaine;eleanor;elena;eli;elizabeth;ellen;elon;emily;emma;emmanuel;enrique;eric;erik;erin;ernest;ethan;
eugene;eva;evan;evelyn;fatima;felix;fernando;fiona;frances;francesco;francis;francisco;francois;françois;frank;franz;fred;frederick;
gabriel;gareth;gary;gavin;george;georg;gerald;gerhard;gina;giuseppe;glen;glenn;gloria;gordon;grace;graham;greg;gregory;hamid;hannah;
hans;harold;harry;hassan;heather;heidi;heinz;helen;helmut;henry;herbert;hillary;howard;hugh;hugo;hussein;ian;igor;ilya;irene;isaac;
ivan;jack;jacob;jacqueline;james;jamie;jan;jane;janet;janice;jared;jason;javier;jay;jean;jeff;jeffrey;jennifer;jenny;jeremy;jerome;
jerry;jess;jessica;jill;jim;jimmy;joan;joanna;joe;joel;johan;johann;john;johnny;jon;jonathan;jordan;jorge;jose;josé;joseph;josh;
joshua;joyce;juan;judith;judy;julia;julian;julie;justin;karen;karl;kate;katherine;kathleen;kathryn;kathy;katie;keith;kelly;ken;
kenneth;kevin;khalid;kim;kimberly;kirk;klaus;kristen;kurt;kyle;larry;laura;lauren;lawrence;lee;leo;leon;leonard;leslie;li;linda;
lisa;liu;lois;lori;louis;louise;lucy;luis;luke;lynn;malcolm;manuel;marc;marco;margaret;maria;marie;marilyn;mario;marion;mark;marta;
martha;martin;marvin;mary;matt;matthew;maurice;max;megan;melania;melissa;michael;michel;michelle;miguel;mike;mikhail;mitch;mitt;
mohamed;mohammad;mohammed;muhammad;monica;nancy;naomi;natalie;nathan;neil;nicholas;nick;nicola;nicolas;nicole;nigel;nikita;nikolai;
noah;norman;oleg;olga;oliver;olivia;omar;oscar;owen;pablo;pamela;patricia;patrick;paul;paula;pedro;peggy;peter;petr;phil;philip;
phillip;pierre;rachel;rafael;ralph;ramon;randy;raul;ray;raymond;rebecca;reince;rex;richard;rick;rob;robert;roberto;robin;roger;
roland;ron;ronald;rose;ross;roy;ruby;rudy;russell;ruth;ryan;sally;sam;samantha;samuel;sandra;sara;sarah;scott;sean;sebastian;
sergei;sergey;shane;sharon;shawn;sheila;shinzo;shirley;silvio;simon;sophie;stanley;stefan;stephanie;stephen;steve;steven;stuart;
sue;susan;sylvia;tamara;ted;teresa;terry;theresa;thomas;tim;timothy;tina;todd;tom;tommy;tony;tracy;travis;valerie;vanessa;vera;
veronica;victor;victoria;viktor;vincent;virginia;vladimir;walter;wang;warren;wayne;wendy;william;willie;wolfgang;xi;yasser;yuri;
yusuf;zachary;emmanuel;angela;recep;tayyip;benjamin;bashar;kim;jong;moon;narendra;justin;jair;jacinda;hassan;ali;nicolas;sebastian;
mariano;matteo;giuseppe;pedro;alexis;viktor;andrzej;petro;volodymyr;alexander;jens;antonio;ursula;charles;dilma;lula;cristina;mauricio;
rodrigo;joko;lee;hun;tsai;ing-wen;shinzo;yoshihide;fumio;xi;jinping;hu;wen;jiabao;jiang;deng;mao;ho;chiang;ban;ki-moon;kofi;
sheikh;mahmoud;ehud;ariel;yitzhak;shimon;golda;menachem;ayman;osama;abu;bakr;saddam;muammar;hosni;anwar;gamal;nelson;jacob;cyril;
thabo;robert;emmerson;uhuru;paul;yoweri;goodluck;muhammadu;olusegun;ellen;haile;meles;abiy;jose;enrique;felipe;vicente;andres;manuel;
hugo;evo;rafael;michelle;juan;fidel;raul;che;pierre;jacques;nicolas;emmanuel;marine;jean-marie;jean-claude;jean-luc;francois;
helmut;gerhard;olaf;angela;frank-walter;joachim;theresa;boris;david;gordon;tony;john;margaret;keir;rishi;liz;jeremy;nigel;ed;
mikhail;boris;dmitry;sergei;vyacheslav;alexei;ramzan;silvio;romano;mario;matteo;giorgia;pedro;mariano;jose;luis;felipe;lars;
stefan;mette;erna;jonas;sanna;alexander;sebastian;jens;andrej;robert;donald;hillary;barack;joe;kamala;mike;nancy;chuck;mitch;paul;
bernie;elizabeth;ted;marco;lindsey;rand;john;jeb;rick;ben;chris;carly;jill;gary;rudy;rex;jim;james;sean;sarah;kellyanne;steve;
jared;ivanka;melania;eric;tiffany;barron;michael;reince;stephen;jeff;betsy;wilbur;steven;nikki;mick;hope;anthony;kirstjen;
rod;robert;bob;christopher;james;loretta;eric;janet;valerie;susan;samantha;hilary;condoleezza;colin;dick;george;laura;bill;al;tipper;
walter;rosalynn;jimmy;gerald;richard;lyndon;dwight;harry;franklin;ronald;nancy;abraham;thomas;benjamin;alexander;aleksey;andy;
shinzo;malcolm;enrique;francois;vladimir;matthew;dmitry;stephen;sean;elon;jeff;mark;tim;sundar;satya;larry;sergey;warren;
jack;sheryl;marissa;ginni;mary;indra;travis;reed;evan;brian;daniel;gwynne;alan;ben;janet;jerome;mario;christine;kristalina;
tedros;antonio;ban;kofi;pope;greta;malala;oprah;taylor;beyonce;kanye;kim;justin;lady;madonna;elton;paul;ringo;mick;keith;
andy;warhol;pablo;vincent;leonardo;michelangelo;claude;frida;salvador;banksy`;

/**
 * Common English words that start sentences or headlines in title case but are not names
 * (lower-case). A capitalised word from this list never starts a name.
 */
const COMMON = `
a;an;the;this;that;these;those;there;here;it;its;it's;he;she;they;we;i;you;his;her;their;our;my;your;him;them;us;me;who;whom;whose;
what;which;when;where;why;how;whatever;whoever;and;or;but;nor;so;yet;for;if;then;than;because;although;though;while;whilst;unless;
since;until;till;after;before;during;in;on;at;by;with;without;within;from;to;into;onto;of;off;over;under;about;above;below;between;
among;against;along;around;across;through;throughout;toward;towards;upon;beyond;despite;per;via;as;like;unlike;near;outside;inside;
all;any;some;each;every;both;either;neither;no;none;not;nor;many;much;more;most;few;fewer;less;least;several;such;other;another;
same;own;only;just;even;also;too;very;really;still;already;again;ever;never;always;often;sometimes;now;today;tonight;tomorrow;
yesterday;later;earlier;soon;then;once;twice;meanwhile;however;therefore;moreover;furthermore;nevertheless;instead;otherwise;
indeed;perhaps;maybe;yes;no;not;well;oh;please;thanks;thank;one;two;three;four;five;six;seven;eight;nine;ten;first;second;third;
last;next;new;old;big;small;great;good;bad;best;worst;high;low;long;short;early;late;recent;former;current;top;key;main;major;
local;national;international;global;public;private;official;senior;junior;full;half;special;general;political;economic;military;
is;are;was;were;be;been;being;am;do;does;did;done;have;has;had;having;will;would;shall;should;can;could;may;might;must;
say;says;said;saying;tell;tells;told;ask;asks;asked;see;sees;saw;seen;look;looks;looking;make;makes;made;take;takes;took;taken;get;
gets;got;go;goes;went;gone;come;comes;came;know;knows;knew;think;thinks;thought;want;wants;wanted;need;needs;use;uses;used;find;
found;give;gives;gave;keep;let;put;set;show;shows;showed;call;calls;called;try;tried;leave;left;meet;met;speak;speaks;spoke;
watch;watched;replay;play;more;videos;video;photo;photos;image;images;read;reading;click;share;follow;subscribe;advertisement;
breaking;update;updated;live;latest;top;story;stories;news;report;reports;reported;according;editor;note;source;sources;
monday;tuesday;wednesday;thursday;friday;saturday;sunday;january;february;march;april;june;july;august;september;october;
november;december;jan;feb;mar;apr;jun;jul;aug;sep;sept;oct;nov;dec;spring;summer;autumn;fall;winter;christmas;easter;
mr;mrs;ms;dr;sir;madam;ladies;gentlemen;everyone;everybody;someone;somebody;anyone;anybody;nobody;nothing;something;anything;
everything;people;person;man;men;woman;women;child;children;family;friend;friends;government;state;states;city;country;world;
day;days;week;weeks;month;months;year;years;time;times;part;place;case;point;way;thing;things;life;lives;work;home;house;
flurry;fences;mend;outspoken;sanctions;calls;just;must;based;regardless;basically;besides;following;prior;among;neither;
while;during;under;speaking;asked;asked;added;adding;during;despite;amid;amidst;following;including;according;unlike;
yet;thus;hence;overall;anyway;still;sure;right;okay;ok;hi;hello;dear;sorry;wow;hey;whether;if;else;nonetheless;
chapter;section;figure;table;page;photo;caption;credit;copyright;related;contact;email;phone;print;comments;comment;
sign;log;login;register;menu;home;search;close;open;next;previous;back;more;less;see;also;read;more;
vip;iq;gmt;utc;bst;est;edt;pst;pdt;cet;gdp;dna;hiv;aids;tv;faq;diy;ufo;atm;sms;ps`;

export interface NorpInfo {
  readonly country: string | null;
}

/** Lookup tables, built once per instance from the string tables above. */
export class Gazetteer {
  /** lower-case alias -> canonical country name */
  readonly countries = new Map<string, string>();
  /** lower-case place names (regions, states, cities, facilities) */
  readonly places = new Set<string>();
  /** lower-case NORP form -> country canonical name or null */
  readonly norp = new Map<string, string | null>();
  /** lower-case NORP form -> canonical form ("americans" -> "American") */
  readonly norpCanonical = new Map<string, string>();
  /** canonical country -> adjective ("Russia" -> "Russian") */
  readonly countryAdjective = new Map<string, string>();
  readonly orgWords: Set<string>;
  /** Products, software, works, events (lower-case): CoNLL's MISC. */
  readonly misc: Set<string>;
  /** Last words that make a capitalised phrase an event or law name. */
  readonly miscHeads: Set<string>;
  readonly orgs: Set<string>;
  readonly titles: Set<string>;
  readonly titleHeads: Set<string>;
  readonly firstNames: Set<string>;
  readonly common: Set<string>;
  /** English vocabulary (compromise's lexicon, common words only). */
  readonly vocab: Set<string>;
  readonly lastNames: Set<string>;
  readonly femaleNames: Set<string>;
  /** Well-known people's full names (lower-case). */
  readonly persons: Set<string>;
  /** Nouns for people ("activist", "spokesman"). */
  readonly personNouns: Set<string>;
  /** Longest multi-word key length (in words) across place/org/country tables. */
  readonly maxPhraseWords: number;

  constructor() {
    for (const entry of splitEntries(COUNTRIES)) {
      const [aliases, canonical] = entry.split('=');
      for (const a of aliases.split('|')) this.countries.set(a.trim(), canonical.trim());
    }
    for (const p of splitEntries(PLACES)) this.places.add(p);
    for (const entry of splitEntries(NORP)) {
      const [forms, country] = entry.split('=');
      const c = country && country.trim() !== '' ? country.trim() : null;
      const list = forms.split('|').map((f) => f.trim());
      for (const f of list) {
        this.norp.set(f, c);
        this.norpCanonical.set(f, capitalise(list[0]));
      }
      if (c && !this.countryAdjective.has(c)) this.countryAdjective.set(c, capitalise(list[0]));
    }
    this.orgWords = new Set(splitEntries(ORG_WORDS));
    this.misc = new Set(splitEntries(MISC));
    this.miscHeads = new Set(splitEntries(MISC_HEADS));
    this.orgs = new Set(splitEntries(ORGS));
    this.titles = new Set(splitEntries(TITLES));
    this.titleHeads = new Set(splitEntries(TITLE_HEADS));
    this.firstNames = new Set(splitEntries(FIRST_NAMES));
    this.common = new Set(splitEntries(COMMON));
    this.vocab = new Set(LEX_COMMON.split(';'));
    for (const c of this.common) this.vocab.add(c);
    this.lastNames = new Set(LEX_LAST.split(';'));
    this.femaleNames = new Set(LEX_FEMALE.split(';'));
    this.persons = new Set(LEX_PERSONS.split(';'));
    this.personNouns = new Set(LEX_PERSONNOUNS.split(';'));
    for (const f of LEX_FIRST.split(';')) if (!this.common.has(f)) this.firstNames.add(f);
    for (const p of LEX_PLACES.split(';')) if (!this.common.has(p) && !this.firstNames.has(p)) this.places.add(p);
    for (const o of LEX_ORGS.split(';')) if (!this.common.has(o) && !this.vocab.has(o)) this.orgs.add(o);
    for (const d of LEX_DEMONYMS.split(';')) if (!this.norp.has(d)) {
      this.norp.set(d, null);
      this.norpCanonical.set(d, capitalise(d));
    }
    let max = 1;
    for (const k of [...this.countries.keys(), ...this.places, ...this.orgs, ...this.norp.keys(), ...this.misc]) {
      const n = k.split(' ').length;
      if (n > max) max = n;
    }
    this.maxPhraseWords = max;
  }

  /** Whether a lower-cased name is a known place, country or organisation ("nasa", "iran", "leeds"). */
  knowsPlaceOrOrg(lower: string): boolean {
    return this.places.has(lower) || this.countries.has(lower) || this.orgs.has(lower);
  }

  /** Canonical country for a country alias or a NORP adjective ("russian" -> "Russia"), or null. */
  countryOf(lower: string): string | null {
    return this.countries.get(lower) ?? this.norp.get(lower) ?? null;
  }
}

function splitEntries(table: string): string[] {
  const out: string[] = [];
  for (const raw of table.split(';')) {
    const t = raw.replace(/\s+/g, ' ').trim();
    if (t !== '') out.push(t);
  }
  return out;
}

function capitalise(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}
