/** Console texts of the operator desk features of issue 14 (search, live updates, notifications, queue tools). */
export const D = {
  search: {
    label: 'チケットを検索',
    hint: '番号・件名・内容・コメント・依頼者・所属から探します（スペース区切りですべてを含むもの）',
    submit: '検索',
    results: (n: number, q: string) => `「${q}」の検索結果: ${n}件`,
    clear: '検索を解除',
    foundIn: {
      number: '番号',
      title: '件名',
      details: '内容',
      requester: '依頼者',
      department: '所属',
      comment: 'コメント',
    },
  },
  live: {
    updated: '他の担当者またはご依頼者によってこのチケットが更新されました。',
    reload: '最新の内容を表示',
  },
} as const;
