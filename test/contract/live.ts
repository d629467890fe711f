/** Creates an invitation on a live reference server through its admin API (R8). */
export async function liveInvitation(baseUrl: string, business: string, product?: string): Promise<string> {
  const token = process.env.CONTRACT_ADMIN_TOKEN;
  if (!token) throw new Error('CONTRACT_ADMIN_TOKEN is needed to create an invitation on a live server');
  const admin = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path.replace(/^\//, ''), `${baseUrl.replace(/\/$/, '')}/`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const orderRef = `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await admin(`/v1/admin/businesses/${encodeURIComponent(business)}/orders`, {
    orderRef,
    email: `${orderRef}@mail.example`,
    purchasedAt: new Date().toISOString(),
    ...(product ? { product } : {}),
  });
  const invitation = await admin(`/v1/admin/businesses/${encodeURIComponent(business)}/invitations`, { orderRef });
  return String(invitation.token);
}
