import { kanaToRomaji } from '../kana-romaji';

/**
 * Common given names in Latin letters (general knowledge: the frequent given names of English-speaking and European
 * countries, and frequent Japanese given names in Hepburn), for names in English text written without a title or a
 * label (Attendees: … Mark Ellison; the new coordinator is Sophie Lambert). Names that are also everyday English words
 * (Will, May, Bill, Grace, Rose, Hope, Joy, Frank, Jack, Art, Summer, April, June) are left out: a capitalised word at a
 * sentence's start would too often be taken for one.
 */
export const WESTERN_GIVEN_NAMES: ReadonlySet<string> = new Set(
  `James John Robert Michael David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven
  Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric
  Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Raymond Dennis Jerry Tyler
  Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin
  Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Bruce Gabriel Logan Albert Alan Juan Wayne Elijah
  Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Liam Lucas Oliver Owen Luke Jake Oscar Hugo Leo
  Tom Tim Ben Sam Dan Nick Chris Matt Mike Steve Andy Tony Alex Ian Neil Simon Martin Colin Graham Stuart Gavin Dean
  Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley
  Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Dorothy Amy
  Kathleen Angela Shirley Emma Brenda Pamela Nicole Anna Samantha Katherine Christine Debra Rachel Carolyn Janet
  Maria Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith
  Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances
  Jean Alice Judy Isabella Julia Beverly Denise Marilyn Danielle Brittany Diana Natalie Sophie Charlotte Lucy
  Chloe Ella Mia Ava Zoe Claire Helen Kate Jane Anne Lily Ellen Fiona Jenny Sally Wendy Ruby Holly
  Isabelle Camille Marie Louise Julien Pierre Jean-Pierre Francois Nicolas Antoine Mathieu Thibault Manon Chiara
  Giulia Francesca Marco Luca Giovanni Alessandro Matteo Lorenzo Stefano Paolo Carlos Miguel Javier Diego Pablo
  Alejandro Sofia Lucia Carmen Elena Ana Isabel Hans Klaus Stefan Jurgen Lukas Felix Maximilian Anja Katrin Sabine
  Ingrid Lars Erik Sven Anders Olga Natasha Ivan Dmitri Sergei Ahmed Mohammed Mohamed Ali Omar Fatima Aisha Raj Priya
  Rahul Anil Sunil Arjun Deepak Ananya Rohan Vikram Wei Ming Jun Hui Xin Yan Hao Jie Mei Ling Min-jun Ji-woo Seo-yeon
  Ji-hoon Hyun Jae Sung Young`
    .split(/\s+/)
    .filter(Boolean),
);

/** Frequent Japanese given names in Hepburn (both genders; long vowels unmarked: Yusuke, Yuko, Shota). */
export const JAPANESE_GIVEN_NAMES: ReadonlySet<string> = new Set(
  `taro jiro hiroshi takashi takeshi kenji kenta kenichi koji koichi kazuki kazuya kazuo daisuke daiki daichi yusuke
  yuta yuto yuki yuji yuichi shota shun shunsuke shinji shingo shinya satoshi sho sota sosuke ryota ryo ryosuke ryuji
  naoki naoto masato masaki masashi makoto manabu minoru osamu tatsuya tetsuya tomoya tomohiro toshiya tsuyoshi
  hiroki hiroyuki hideki hayato haruto haruki hikaru akira atsushi isamu ichiro kosuke keisuke keita kaito kota
  takuya takumi tomoki yoshiki yoshihiro yasuhiro yasushi yuya yudai riku ren sora asahi minato itsuki
  hanako yuko yoko keiko kyoko michiko akiko tomoko naoko sachiko junko mayumi yumi emi mai miki saki misaki nanami
  haruka ayaka asuka aya ayumi yui yuna yuka yukari yumiko yuri rie rina riko mika miho mio mizuki nao natsuki nozomi
  sakura hina himari mei aoi akane chihiro chika eri erika kaori kana kanako kumiko megumi midori momoko noriko reiko
  satomi shiori sayaka tomomi yoshiko hitomi kaoru hiromi madoka arisa airi honoka`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Family names that open a name in Latin letters, as Vietnamese, Korean and Chinese names are written (Nguyen Van Hai,
 * Lee Min-jun): the most frequent ones only; those that are English words or prefixes too (Park, Do, Sun, Han, Shin, Vo,
 * Vu, Xu) are left out (Do Not Disturb, Sun Microsystems, Shin-Yokohama).
 */
export const FAMILY_FIRST_NAMES: ReadonlySet<string> = new Set(
  `Nguyen Tran Pham Hoang Huynh Phan Dang Bui Ngo Duong Kim Lee Choi Jung Kang Cho Yoon Jang Lim Wang Zhang Liu Chen
  Yang Huang Zhao Zhou Zhu Lin Gao`
    .split(/\s+/)
    .filter(Boolean),
);

/** A given name written in kana that reads as a listed Japanese one (ユウタ, けんじ), long vowels read as one. */
export function readsAsGivenName(kana: string): boolean {
  return JAPANESE_GIVEN_NAMES.has(kanaToRomaji(kana).replace(/ou|oo/g, 'o').replace(/uu/g, 'u'));
}

/** A common given name, Western or Japanese in Hepburn, in any case (Sophie, YUKO). */
export function isCommonGivenName(word: string): boolean {
  return WESTERN_GIVEN_NAMES.has(word[0] + word.slice(1).toLowerCase()) || JAPANESE_GIVEN_NAMES.has(word.toLowerCase());
}

/** A common given name or a family name written first (Lee, Nguyen, Maria): a lone Latin word that is a name. */
export function isCommonLatinName(word: string): boolean {
  return isCommonGivenName(word) || FAMILY_FIRST_NAMES.has(word);
}
