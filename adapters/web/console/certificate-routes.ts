/** 消去証明書 (auditors and admins): the deletion certificate of every retention run, shown and exported as PDF/xlsx. */
import { KotaeError } from '../../../core';
import { renderCertificatePdf, renderCertificateXlsx, type CertificateDocument } from '../../../reports';
import { contentDisposition } from '../attachment-download';
import type { DeletionResidue } from '../../../jobs';
import { residueSections } from './certificate-residue';
import { formatJst } from './format';
import { html } from './html';
import { sendPage } from './layout';
import { M } from './messages';
import type { CertificateSource } from './deps';
import type { ConsoleRoute, HandlerContext } from './route-types';

/** How many certificates the list shows. */
const LIST_SIZE = 100;

function source(c: HandlerContext): CertificateSource {
  const s = c.deps.certificates;
  if (!s) throw new KotaeError('NOT_FOUND', 'certificates not configured', { userMessage: M.certificates.notFound });
  return s;
}

/** The certificate with its residue statements as sections (page, PDF and workbook alike). */
async function certificate(c: HandlerContext): Promise<CertificateDocument & { residue?: DeletionResidue }> {
  const found = await source(c).get(String(c.req.params.id));
  if (!found) throw new KotaeError('NOT_FOUND', 'certificate not found', { userMessage: M.certificates.notFound });
  return { ...found, sections: residueSections(found.residue) };
}

async function download(c: HandlerContext, format: 'pdf' | 'xlsx'): Promise<void> {
  const cert = await certificate(c);
  const s = source(c);
  const bytes =
    format === 'pdf'
      ? await renderCertificatePdf(cert, s.organization)
      : await renderCertificateXlsx(cert, s.organization);
  await s.exported(cert.id, format, c.auth.operator.username);
  c.res.setHeader(
    'Content-Type',
    format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  c.res.setHeader(
    'Content-Disposition',
    contentDisposition('attachment', `消去証明書-${cert.id.slice(0, 8)}.${format}`),
  );
  c.res.send(bytes);
}

/** Routes of the certificate pages. */
export const CERTIFICATE_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/certificates',
    role: 'auditor',
    handle: async (c) => {
      const list = await source(c).list(LIST_SIZE);
      const T = M.certificates;
      const body = list.length
        ? html`<p>${T.lead}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">${T.date}</th>
                  <th scope="col">${T.performedBy}</th>
                  <th scope="col">${T.total}</th>
                  <th scope="col">${T.export}</th>
                </tr>
              </thead>
              <tbody>
                ${list.map(
                  (x) =>
                    html`<tr>
                      <td><a href="${c.base}/certificates/${x.id}">${formatJst(x.createdAt)}</a></td>
                      <td>${x.performedBy}</td>
                      <td>${x.total}</td>
                      <td>
                        <a href="${c.base}/certificates/${x.id}/pdf">PDF</a>
                        <a href="${c.base}/certificates/${x.id}/xlsx">Excel</a>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : html`<p>${T.empty}</p>`;
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: T.title, body });
    },
  },
  {
    method: 'get',
    path: '/certificates/:id',
    role: 'auditor',
    handle: async (c) => {
      const x = await certificate(c);
      const T = M.certificates;
      const body = html`<dl>
          <dt>${T.number}</dt>
          <dd>${x.id}</dd>
          <dt>${T.date}</dt>
          <dd>${formatJst(x.createdAt)}</dd>
          <dt>${T.performedBy}</dt>
          <dd>${x.performedBy}</dd>
          <dt>${T.medium}</dt>
          <dd>${x.medium}</dd>
          <dt>${T.method}</dt>
          <dd>${x.method}</dd>
          <dt>${T.total}</dt>
          <dd>${x.total}</dd>
        </dl>
        <table>
          <thead>
            <tr>
              <th scope="col">${T.item}</th>
              <th scope="col">${T.table}</th>
              <th scope="col">${T.count}</th>
            </tr>
          </thead>
          <tbody>
            ${x.items.map(
              (i) =>
                html`<tr>
                  <td>${i.item}</td>
                  <td>${i.table}</td>
                  <td>${i.count}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${(x.sections ?? []).map(
          (s) =>
            html`<h2>${s.heading}</h2>
              ${s.lines.map((line) => html`<p>${line}</p>`)}`,
        )}
        <p>
          <a href="${c.base}/certificates/${x.id}/pdf">${T.pdf}</a>
          <a href="${c.base}/certificates/${x.id}/xlsx">${T.xlsx}</a>
        </p>`;
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: T.title, body });
    },
  },
  { method: 'get', path: '/certificates/:id/pdf', role: 'auditor', handle: (c) => download(c, 'pdf') },
  { method: 'get', path: '/certificates/:id/xlsx', role: 'auditor', handle: (c) => download(c, 'xlsx') },
];
