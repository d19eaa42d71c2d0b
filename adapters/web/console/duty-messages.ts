/** Menu labels of the duty pages (issue 16); the pages keep their own texts. */
export const DUTY_NAV = { fySwitch: '年度切替', roster: '機密性3名簿' } as const;
