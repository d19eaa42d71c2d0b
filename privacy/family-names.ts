/**
 * Common Japanese family names (general knowledge: the top of the national surname rankings) that
 * kuromoji's IPADIC does not tag as 人名・姓 — it reads 松田 and 飯田 as organisations, 森 and 林 as
 * common nouns. The person-name tagger takes them as family names only where a person's context
 * says so (a writer's label, a post, a relation, a name list, a given name after a space).
 */
export const COMMON_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 斉藤
  清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本
  福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原
  柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野
  杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 佐野 杉本
  古川 大西 市川 五十嵐 北村 小島 水野 東 永井 中西 服部 吉川 小松 西田 安田 山中 川口 岩田 中田 本田
  辻 飯田 樋口 秋山 片山 土屋 大橋 望月 荒木 関 浅野 平田 須藤 大久保 熊谷 松下 吉村 小池 石原 堀
  浅井 西川 大石 中林 小西 今村 川村 松岡 菅野 青山 黒田 荒井 河合 安部 早川 市村 星野 松浦 大谷 内藤
  武藤 吉岡 野田 西山 小田 北川 中谷 宇野 本間 三宅 田代 岡崎 坂口 川上 桑原 永田 堀内 大川 小沢 高野`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Family names that are also the names of prefectures, cities or wards, which kuromoji tags as places
 * (general knowledge: surnames of the national rankings that name a place). Alone, such a word is a
 * person only where a person's verb follows it (長野から連絡あり, 岡山に引き継ぎ, 福岡が休み) or where it
 * stands in a list of people (CC: 上野 / 浅野 / 星野); 長野県, 長野支所 or 長野に出張 stay places.
 */
export const PLACE_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `石川 千葉 宮崎 長野 岡山 福岡 福島 秋田 山口 長崎 富山 山形 福井 香川 熊本 奈良 宮城
  広島 青森 松本 平野 中野 太田 上野 大塚 星野 浅野 小松 豊田 岡崎 松山 高松 長岡 上田
  藤沢 鎌倉 町田 日野 立川 大宮 川口 川崎 市川 熊谷 高崎 桐生 宇都宮 清水 沼田 大垣 一宮
  桑名 大津 草津 宇治 明石 西宮 茨木 福山 佐賀 八代 別府 郡山 米沢 鶴岡 品川 渋谷 目黒
  板橋 足立 荒川 大田 豊島 北村 小田原 平塚 秦野 三浦 川越 柏 船橋 成田 佐倉 古河 結城
  足利 佐野 小山 那須 富岡 三島`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * More family names of the national rankings (general knowledge, about the top 700 with common variant spellings;
 * written for this purpose, not taken from any evaluation data), two characters or more — single-character names
 * (岸, 谷, 西, 泉) are everyday words. Used only where the context already says a person (a message's last line under a
 * writer's office, a message opened with 「…の○○です」, a roster line before a phone number, brackets after a phone
 * number), never by the name tagger on running text.
 */
const MORE_FAMILY_NAMES: readonly string[] =
  `山内 菊池 久保田 矢野 田口 尾崎 中尾 大島 細川 平井 宮田 村井 栗原 関口 松村 宮下 田辺 吉野 高山 齋藤 上原 横田 宮川 松永 土井 篠原 岩本 奥村 児玉 西野 大森 稲葉 奥田 吉原
  広瀬 平山 飯島 浜田 杉浦 岩井 沢田 大竹 山岸 川島 石塚 金井 松原 大山 金田 原口 森川 内山 田島 畠山 岡村 鎌田 小原 村山 竹田 堀田 高井 宮内 三上 坂田 西尾 堀江 長尾 小倉
  上村 植田 野中 森下 前川 小泉 中嶋 河村 稲垣 徳永 米田 松崎 伊東 奥山 白石 川田 藤村 岡部 石黒 高島 大村 富田 丹羽 水谷 安井 新田 岸本 戸田 若林 寺田 西岡 関根 北原 今野
  吉本 森山 白井 大木 比嘉 金城 大城 根本 榎本 古田 福本 中本 岩瀬 馬場 多田 落合 及川 榊原 麻生 甲斐 佐伯 相原 向井 宮地 三井 二宮 真田 進藤 緒方 大原 柏木 梶原 片桐 神谷
  越智 志賀 今西 布施 東山 赤松 上杉 玉木 石垣 板垣 青柳 芳賀 高尾 武井 富樫 大槻 金森 石渡 中里 並木 新川 久野 木原 藤岡 大井 小坂 石丸 篠崎 石橋 森本 須田 横井 柳田 柳沢
  矢田 矢島 八木 山村 山根 渡邉 齊藤 髙橋 山﨑 櫻井 濱田 澤田 廣瀬 小澤 中沢 吉沢 野沢 宮沢 西沢 黒沢 相沢 大沢 滝沢 長沢 北沢 金沢 松沢 深沢 梅沢 吉澤 中澤 野澤 宮澤 藤澤
  西澤 黒澤 相澤 大澤 金澤 松澤 深澤 柳澤 長田 島崎 梅田 藤川 浜口 広田 廣田 冨田 片岡 亀井 亀田 川野 川端 川本 神田 倉田 栗田 黒木 黒川 小出 小宮 小森 古賀 小嶋 高嶋 川嶋
  小柳 坂上 坂元 佐久間 佐竹 塩田 塩谷 重松 篠田 柴崎 下田 下村 庄司 白川 白鳥 新谷 菅沼 杉田 杉原 瀬戸 関谷 園田 高畑 高原 高村 高瀬 滝口 竹中 竹下 竹本 竹村 田崎 立花 田所
  田原 田畑 谷本 谷村 玉井 千田 塚本 辻本 津田 土田 筒井 角田 坪井 鶴田 手塚 寺本 徳田 戸塚 富永 中原 長島 長嶋 永野 永山 成瀬 西口 西崎 西島 西谷 西本 西原 根岸 野上 野本
  野原 萩原 橋口 橋爪 畑中 花田 浜野 平岡 平本 福永 藤野 藤森 藤崎 古谷 古屋 細田 細谷 堀口 本多 本山 前原 牧野 真鍋 丸田 三木 水口 水上 溝口 三谷 三好 宮島 宮野 宮脇 村松
  村瀬 茂木 森岡 森口 森谷 安川 矢吹 山川 山岡 山上 山野 山元 山脇 湯浅 湯川 横尾 横川 吉永 米山 若松 羽田 安達 天野 有馬 石崎 磯部 市原 今泉 入江 植木 臼井 内野 梅本 梅原
  江口 江藤 江川 遠山 大内 大和田 岡野 岡島 小笠原 奥野 小野寺 小畑 加納 木田 宮原 荻野 荻原 林田 谷川 井口 井出 井川 大崎 新垣 玉城 仲村 知念 島袋 山城 平良 照屋 寺島 寺尾
  北島 北山 川原 河原 岸田 平川 福原 長谷部 松島 植松 平松 大平 秋元 笠原 坂井 相馬 岩下 桜田 島村 堀川 飯塚 中井 小谷 野崎 北野 栗山 石山 石坂 池上 池内 稲田 岩佐 岩村 上山
  内海 古沢 宮部 有田 浅田 浅川 飯野 井本 沖田 大場 大庭 大友 大坪 尾形 尾上 小野田 小幡 柿沼 笠井 梶田 勝又 金山 金丸 鹿島 上条 亀山 川井 河内 川合 河田 川西 川畑 河本`
    .split(/\s+/)
    .filter(Boolean);

/** Every listed family name: common, place-like and the longer ranking list. */
export const KNOWN_FAMILY_NAMES: ReadonlySet<string> = new Set([
  ...COMMON_FAMILY_NAMES,
  ...PLACE_FAMILY_NAMES,
  ...MORE_FAMILY_NAMES,
]);

/**
 * The kanji of the listed family names: a word of no list made only of them reads as a family name (高森, 宮森), a word
 * with another kanji as a word (普通, 全角, 介護保険, 専用電話) — and so does a rare name whose kanji no listed name has
 * (籾山, 陣内): missed rather than guessed. ノ / 之 join the parts of a name (四ノ宮, 竹之内).
 */
const SURNAME_KANJI: ReadonlySet<string> = new Set([...[...KNOWN_FAMILY_NAMES].join(''), 'ノ', '之', '々']);
/** Whether a word is made only of the kanji of the listed family names. */
export const surnameLike = (word: string): boolean => [...word].every((c) => SURNAME_KANJI.has(c));

/**
 * Second readings of the commonest family names, as usual as the first (河野 かわの, 中島 なかしま, 山崎 やまさき, 東
 * あずま, 中田 なかだ, 高田 たかた, 吉川 きっかわ, 藤原 ふじはら, 岩崎 いわざき, 渡部 わたべ, 福田 ふくた, 小島 おじま):
 * general knowledge of Japanese names.
 */
const SECOND_READINGS = 'かわの なかしま やまさき あずま なかだ たかた きっかわ ふじはら いわざき わたべ ふくた おじま';

/**
 * The readings in hiragana of the commonest family names (COMMON_FAMILY_NAMES read by kuromoji, wrong readings of names
 * corrected by hand: 平野 ひらの, 山中 やまなか, 須藤 すどう; and their second readings), three letters or more, as staff
 * type a colleague's name without converting it (すずきさんのアカウント). Used only right before an honorific.
 */
export const HIRAGANA_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `さとう すずき たかはし たなか いとう わたなべ やまもと なかむら こばやし かとう よしだ やまだ ささき やまぐち
  まつもと いのうえ きむら はやし さいとう しみず やまざき いけだ はしもと いしかわ やました なかじま いしい おがわ
  まえだ おかだ はせがわ ふじた ごとう こんどう むらかみ えんどう あおき さかもと ふくだ おおた にしむら ふじい
  かねこ おかもと ふじわら なかの みうら はらだ なかがわ まつだ たけうち たむら なかやま いしだ もりた うえだ
  しばた さかい くどう よこやま みやざき みやもと うちだ たかぎ あんどう しまだ たにぐち おおの たかだ まるやま
  いまい こうの ふじもと むらた たけだ うえの すぎやま ますだ こやま おおつか ひらの すがわら まつい いわさき
  さくらい きのした のぐち まつお きくち のむら あらい すぎもと ふるかわ おおにし いちかわ いがらし きたむら
  こじま みずの ひがし ながい なかにし はっとり よしかわ こまつ にしだ やすだ やまなか かわぐち いわた なかた
  ほんだ いいだ ひぐち あきやま かたやま つちや おおはし もちづき あらき あさの ひらた すどう おおくぼ くまがい
  まつした よしむら こいけ いしはら あさい にしかわ おおいし こにし いまむら かわむら まつおか かんの すがの
  あおやま くろだ かわい はやかわ いちむら ほしの まつうら おおたに ないとう むとう よしおか にしやま きたがわ
  なかたに ほんま みやけ たしろ おかざき さかぐち かわかみ くわばら ながた ほりうち おおかわ おざわ たかの
  ${SECOND_READINGS}`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The length of a common family name in hiragana ending at `end` (the honorific's start), when it stands as a word:
 * after the text's start, a letter of another script, a space or a particle (担当のすずきさん); else 0.
 */
export function hiraganaFamilyNameBefore(text: string, end: number): number {
  for (let n = 5; n >= 3; n--) {
    const word = text.slice(end - n, end);
    const before = text[end - n - 1] ?? '';
    if (end - n >= 0 && HIRAGANA_FAMILY_NAMES.has(word) && (!/[ぁ-ゖ]/.test(before) || /[のはがにともへ]/.test(before)))
      return n;
  }
  return 0;
}
