import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { HttpRequest } from '../../src/lab/types';
import type { HttpExchange, OpenApiDoc } from '../../src/lab/types';
import ModelApi from '../../src/preview/ModelApi';

// A document as the lab's FastAPI writes it for a small app (see tests/lab/fastapi.test.ts).
const doc: OpenApiDoc = {
  openapi: '3.1.0',
  info: { title: 'Pump API', version: '0.1.0' },
  paths: {
    '/predict': {
      post: {
        summary: 'Predict',
        operationId: 'predict_predict_post',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Reading' } } }, required: true },
        responses: {
          '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
          '422': { description: 'Validation Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } },
        },
      },
    },
    '/items/{item_id}': {
      get: {
        summary: 'Read Item',
        operationId: 'read_item_items__item_id__get',
        parameters: [
          { name: 'item_id', in: 'path', required: true, schema: { type: 'integer', title: 'Item Id' } },
          { name: 'q', in: 'query', required: false, schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Q' } },
        ],
        responses: { '200': { description: 'Successful Response', content: { 'application/json': { schema: {} } } } },
      },
    },
  },
  components: {
    schemas: {
      Reading: {
        properties: { temperature: { type: 'number', exclusiveMinimum: 0, title: 'Temperature' }, label: { type: 'string', title: 'Label', default: 'x' } },
        required: ['temperature'],
        title: 'Reading',
        type: 'object',
      },
    },
  },
};

function exchange(request: HttpRequest, status: number, json: unknown): HttpExchange {
  return { method: request.method, path: request.path, body: request.body, status, json };
}

function setup(server: OpenApiDoc | null, answer: (r: HttpRequest) => HttpExchange) {
  const send = vi.fn((request: HttpRequest) => Promise.resolve({ exchange: answer(request), log: [] }));
  render(<ModelApi server={server} responses={[]} send={send} />);
  return send;
}

describe('ModelApi console', () => {
  it('fills the body from the $ref schema with Swagger UI’s sample values and shows the status phrase', async () => {
    const send = setup(doc, (r) => exchange(r, 422, { detail: [{ type: 'missing', loc: ['body', 'temperature'], msg: 'Field required', input: {} }] }));
    expect(screen.getByRole('heading', { name: /Pump API/ })).toBeInTheDocument();
    expect(screen.getByLabelText('JSON body')).toHaveValue('{\n  "temperature": 0,\n  "label": "x"\n}');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith({ method: 'POST', path: '/predict', body: { temperature: 0, label: 'x' } });
    // RFC 9110's name, as the lab's uvicorn log prints it: one wording everywhere.
    expect(await screen.findByText('422 Unprocessable Content')).toBeInTheDocument();
  });

  it('GET /docs in the console opens the docs view, as the browser would show Swagger UI', async () => {
    setup(doc, (r) => exchange(r, 200, '<!DOCTYPE html>'));
    await userEvent.click(screen.getByRole('button', { name: /\/items\/\{item_id\}/ }));
    const path = screen.getByLabelText('Path');
    await userEvent.clear(path);
    await userEvent.type(path, '/docs');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('button', { name: '/docs', pressed: true })).toBeInTheDocument();
  });
});

describe('ModelApi and the preview around it', () => {
  it('the address bar follows the view: /docs, then back to the root', async () => {
    const navigate = vi.fn();
    const send = vi.fn((request: HttpRequest) => Promise.resolve({ exchange: exchange(request, 200, {}), log: [] }));
    render(<ModelApi server={doc} responses={[]} send={send} navigate={navigate} address="localhost:8000" />);
    await userEvent.click(screen.getByRole('button', { name: '/docs' }));
    expect(navigate).toHaveBeenLastCalledWith('localhost:8000/docs');
    await userEvent.click(screen.getByRole('button', { name: 'Console' }));
    expect(navigate).toHaveBeenLastCalledWith('localhost:8000');
  });

  it('“Try it out” requests appear in the uvicorn log, as the console’s do', async () => {
    const line = (r: HttpRequest, status: string) => ({ stream: 'stdout' as const, text: `INFO:     127.0.0.1:51234 - "${r.method} ${r.path} HTTP/1.1" ${status}\n` });
    const send = vi.fn((request: HttpRequest) => Promise.resolve({ exchange: exchange(request, 200, { id: 3 }), log: [line(request, '200 OK')] }));
    render(<ModelApi server={doc} responses={[]} send={send} />);
    await userEvent.click(screen.getByRole('button', { name: '/docs' }));
    await userEvent.click(await screen.findByText('/items/{item_id}'));
    const form = screen.getByRole('form', { name: 'GET /items/{item_id}' });
    await userEvent.click(within(form).getByRole('button', { name: 'Try it out' }));
    await userEvent.type(within(form).getByLabelText(/item_id/), '3');
    await userEvent.click(within(form).getByRole('button', { name: 'Execute' }));
    expect(await screen.findByRole('region', { name: 'Server log' })).toHaveTextContent('"GET /items/3 HTTP/1.1" 200 OK');
  });
});

describe('ModelApi /docs', () => {
  it('lists operations by tag; try it out refuses an empty required parameter, then sends through the console path', async () => {
    const send = setup(doc, (r) => exchange(r, 200, { id: 3 }));
    await userEvent.click(screen.getByRole('button', { name: '/docs' }));
    const section = await screen.findByRole('region', { name: 'default' });
    await userEvent.click(within(section).getByText('/items/{item_id}'));
    const form = screen.getByRole('form', { name: 'GET /items/{item_id}' });
    await userEvent.click(within(form).getByRole('button', { name: 'Try it out' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Execute' }));
    expect(within(form).getByText('Required field is not provided')).toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
    await userEvent.type(within(form).getByLabelText(/item_id/), '3');
    await userEvent.type(within(form).getByLabelText(/^q/), 'pump x');
    await userEvent.click(within(form).getByRole('button', { name: 'Execute' }));
    expect(send).toHaveBeenCalledWith({ method: 'GET', path: '/items/3?q=pump%20x' });
    const response = await within(form).findByRole('region', { name: 'Server response' });
    expect(within(response).getByText('http://localhost:8000/items/3?q=pump%20x')).toBeInTheDocument();
    expect(within(response).getByText('200 OK')).toBeInTheDocument();
  });

  it('shows the request body’s example and the documented responses', async () => {
    setup(doc, (r) => exchange(r, 200, {}));
    await userEvent.click(screen.getByRole('button', { name: '/docs' }));
    await userEvent.click(await screen.findByText('/predict'));
    const form = screen.getByRole('form', { name: 'POST /predict' });
    expect(within(form).getByLabelText(/Request body/)).toHaveValue('{\n  "temperature": 0,\n  "label": "x"\n}');
    expect(within(form).getByText('Validation Error')).toBeInTheDocument();
    expect(within(form).getByText('HTTPValidationError')).toBeInTheDocument();
  });

  it('when /openapi.json fails (FastAPI(title={})): Swagger UI’s message, and the console still works', async () => {
    const failed: OpenApiDoc = { openapi: '3.1.0', info: { title: '', version: '' }, paths: {}, failed: 'ValidationError: 1 validation error for OpenAPI' };
    setup(failed, (r) => exchange(r, 200, { ok: true }));
    expect(screen.getByText(/GET \/openapi.json fails/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '/docs' }));
    expect(await screen.findByText('Failed to load API definition.')).toBeInTheDocument();
    expect(screen.getByText('Internal Server Error /openapi.json')).toBeInTheDocument();
  });
});
