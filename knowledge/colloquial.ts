/**
 * Colloquial forms the query normaliser rewrites before analysis (query-normalizer.ts).
 */

/**
 * Colloquial forms whose words alone mislead the search (わからなく+なる is "forgot", not "not
 * understand"; 失く+し is mis-split), rewritten to the plain word an FAQ uses. General Japanese,
 * written by hand.
 */
export const COLLOQUIAL: readonly (readonly [RegExp, string])[] = [
  // Replaced: the words alone say something else.
  [/(分|わ)からなくな(った|って|っちゃった|ってしまった|りました)/g, '忘れた'],
  [/思い出せ(ない|なく|ません)/g, '忘れた'],
  [/覚えてい?(ない|なく|ません)/g, '忘れた'],
  [/(失|無|な)くし(た|ちゃった|てしまった|ました)/g, '紛失した'],
  // なくなった after a verb stem is "can no longer" (入れなくなった, 使えなくなった), not "lost".
  [/(失|無|(?<=^|[^ぁ-ゖ]|[がはもを])な)くなっ(た|ちゃった|てしまった)/g, '紛失した'],
  [/置き忘れ(た|ちゃった|てしまった|ました)/g, '紛失した'],
  // Dropped somewhere (どこかで落とした) is lost; dropped alone (落として割った) is not.
  [/(どこ|どっ)か(で|に)落と(した|しちゃった|してしまった|しました)/g, '紛失した'],
  [/立ち上がら(ない|なく)/g, '起動しない'],
  // Kept, with the plain word added ($& is the text as typed).
  [/(?<![出おす])(来|こ)な(い|くなった)/g, '$& 届かない'],
  [/届いてい?な(い|くて)/g, '$& 届かない'],
  [/来てい?な(い|くて)|来ません/g, '$& 届かない'],
  [/(つな|繋)がら(ない|なく)/g, '$& 接続できない'],
  [/(消|け)しちゃった/g, '$& 削除してしまった'],
  [/(作|つく)(りたい|ってほしい|ってください)/g, '$& 作成'],
  [/借り(たい|られますか|れますか)/g, '$& 貸出'],
  [/貸して(ほしい|ください|もらえますか)/g, '$& 貸出'],
  [/変えたい/g, '$& 変更'],
  // Kept longer (もう少し借りたい, 長く使いたい, 返すのが間に合わない): an extension.
  [
    /(?:もう少し|もうちょっと|もうちょい|もっと|長く)(?:長く)?(?:使|借|置)[いうえかきくけっ][ぁ-ゖ]*|(?:返却|返す|返すの)が?間に合わ[ぁ-ゖ]*/g,
    '$& 延長',
  ],
  [/(開|ひら)か(ない|なくなった)/g, '$& 開けない'],
  [/ひらけ(ない|ません|なくなった)/g, '$& 開けない'],
  [/(うま|上手)く(いか|行か|でき|出来)(ない|ません|なくなった)/g, '$& できない'],
  // 刷る for 印刷する (カラーで刷りたい, 家のプリンターで刷れない).
  [/(?<![印増縮])刷(り|る|れ|っ)[ぁ-ゖ]*/g, '$& 印刷'],
  // A noun and its verb said as a clause where FAQs write the compound noun or the loanword.
  [/紙が?(詰|つ)ま[ぁ-ゖ]*/g, '$& 紙詰まり'],
  [/(ソフトウェア|ソフト|アプリ|オフィス|office|ドライバ)(を|って|は)?(入|い)れ(たい|る|て|られ)/g, '$& インストール'],
  // 〜に飛ばす: sent on to somewhere else (電話を隣の内線に飛ばしたい, メールをgmailに自動で飛ばす).
  [/に(?:自動で|勝手に)?飛ば[さしすせそ][ぁ-ゖ]*/g, '$& 転送'],
  // 自動で返したい: an automatic reply (不在時の自動応答).
  [/自動で返(?:[しすせ][ぁ-ゖ]*|事|信)/g, '$& 自動応答'],
  [/((間違|まちが)(え|っ)て[^。]{0,30}?|(違う|別の)(人|相手|宛先|アドレス)に)送(っ|信し)[ぁ-ゖ]*/g, '$& 誤送信'],
  // Colloquial する and ら抜き forms, to the words an FAQ is written with.
  [/やり方/g, '方法'],
  [/やる(?=の|ん|には|方法|[?？。、]|$)/g, 'する'],
  [/やれば/g, 'すれば'],
  [/(見|来|着|寝|出)れ(る|ます|ない|ません|ますか)/g, '$1られ$2'],
  // A loanword made a verb (ミスったら, バグった, フリーズっちゃった): the noun and する, as an FAQ writes it (kuromoji
  // splits ミスっ into ミ and スる). Only before た and ちゃ: 〜って after a loanword is mostly the quoting って.
  [/([ァ-ヴ][ァ-ヴー]+)っ(?=た|ちゃ)/g, '$1し'],
  // Everyday abbreviations (kept, with the full word added).
  [/メアド/g, '$& メールアドレス'],
  [/ノーパソ/g, '$& ノートパソコン'],
  [/機種変(?!更)/g, '$& 機種変更'],
  [/アプデ/g, '$& アップデート'],
  [/コピペ/g, '$& コピー 貼り付け'],
  [/育休/g, '$& 育児休業'],
  [/産休/g, '$& 産前産後休暇'],
];
